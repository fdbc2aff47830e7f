// The accounts data tests on PostgreSQL (a fresh schema per run), under npm run test:services.
if (!process.env.HEAPQUEST_TEST_DATABASE_URL) throw new Error('HEAPQUEST_TEST_DATABASE_URL is not set: run this through npm run test:services');
await import('../auth/accounts-data.suite');
export {};

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root };

// The database tests run on whatever HEAPQUEST_TEST_DATABASE_URL names: nothing (embedded
// PGlite in a temp dir) under `npm test`, this machine's PostgreSQL under test:services.
const services = {
  HEAPQUEST_TEST_DATABASE_URL: process.env.HEAPQUEST_TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/test',
  HEAPQUEST_TEST_REDIS_URL: process.env.HEAPQUEST_TEST_REDIS_URL || 'redis://127.0.0.1:6379',
};

export default defineConfig({
  test: {
    projects: [
      {
        // `npm test`, step 2: everything that needs no browser and no service.
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['engine/**/*.test.ts', 'lib/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/services/**', '**/node_modules/**'],
          env: { HEAPQUEST_TEST_DATABASE_URL: '' },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // `npm test`, step 3: real server processes and a real browser, one file at a time.
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          env: { HEAPQUEST_TEST_DATABASE_URL: '' },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        // `npm run test:services`: the database tests again on PostgreSQL, plus Redis.
        resolve: { alias },
        test: {
          name: 'services',
          environment: 'node',
          include: ['tests/db/**/*.test.ts', 'tests/services/**/*.test.ts'],
          env: services,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

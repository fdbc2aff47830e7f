// The accounts data tests on the embedded database (the same suite runs on PostgreSQL from
// tests/services/accounts-data.test.ts).
import './accounts-data.suite';

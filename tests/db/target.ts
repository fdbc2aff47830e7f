// Where the database tests run: a fresh embedded database in a temp dir, or — when
// HEAPQUEST_TEST_DATABASE_URL is set (npm run test:services) — a fresh schema on that
// PostgreSQL server, dropped afterwards, so reruns start clean.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DatabaseConfig, type PrismaClient } from '../../lib/db/client';
import { pgliteSession, pgSession, type SqlSession } from '../../lib/db/sql';

export interface TestDatabase {
  readonly kind: 'embedded' | 'postgresql';
  readonly config: DatabaseConfig;
  /** A raw session on the same database (and schema), to look behind Prisma's back. */
  withSession<T>(fn: (db: SqlSession) => Promise<T>): Promise<T>;
  /** A driver adapter factory on the same database, for Prisma's schema engine. */
  adapterFactory(): { factory: PrismaPg | PrismaPGlite; close(): Promise<void> };
  drop(): Promise<void>;
}

const serverUrl = process.env.HEAPQUEST_TEST_DATABASE_URL || undefined;

export const testDatabaseKind: TestDatabase['kind'] = serverUrl ? 'postgresql' : 'embedded';

let counter = 0;

export async function freshDatabase(): Promise<TestDatabase> {
  return serverUrl ? freshSchema(serverUrl) : freshDataDir();
}

async function freshDataDir(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'heapquest-db-'));
  const dataDir = path.join(dir, 'data');
  // PGlite holds its directory alone: open it only while no Database from openDatabase is open.
  return {
    kind: 'embedded',
    config: { dataDir },
    async withSession(fn) {
      const db = new PGlite(dataDir);
      try {
        return await fn(pgliteSession(db));
      } finally {
        await db.close();
      }
    },
    adapterFactory() {
      const db = new PGlite(dataDir);
      return { factory: new PrismaPGlite(db), close: () => db.close() };
    },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function freshSchema(base: string): Promise<TestDatabase> {
  const schema = `hq_test_${process.pid}_${Date.now()}_${counter++}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  const plain = new URL(base);
  plain.searchParams.delete('schema');
  const connectionString = plain.toString();
  const withClient = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    kind: 'postgresql',
    config: { url: url.toString(), dataDir: '/nonexistent-unused' },
    withSession: (fn) =>
      withClient(async (client) => {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
        await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
        return fn(pgSession(client));
      }),
    adapterFactory() {
      // Our own pool, so closing it also ends the session holding Prisma's advisory lock.
      const pool = new pg.Pool({ connectionString, options: `-c search_path=${schema}` });
      return { factory: new PrismaPg(pool, { schema }), close: () => pool.end() };
    },
    drop: () =>
      withClient(async (client) => {
        await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
      }),
  };
}

/**
 * A fresh database, migrated and open, for the whole test file that calls this at its top
 * level: opened before its tests, closed and dropped after them. Read `prisma` inside a test.
 */
export function databaseForFile(): { readonly prisma: PrismaClient } {
  let target: TestDatabase | undefined;
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  beforeAll(async () => {
    target = await freshDatabase();
    db = await openDatabase(target.config);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await target?.drop();
  });
  return {
    get prisma() {
      if (!db) throw new Error('the database opens in beforeAll: use it inside a test');
      return db.prisma;
    },
  };
}

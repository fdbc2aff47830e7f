// Applies the committed SQL migrations under prisma/migrations, the way `prisma migrate deploy`
// does, because Prisma's native schema engine cannot be downloaded on an offline machine.
//
// Everything Prisma can observe is kept identical, so `prisma migrate deploy` run later on a
// connected machine agrees with us: the same `_prisma_migrations` table (DDL copied from the
// schema engine's PostgreSQL flavour), the same row per migration (uuid id, sha256 hex of the
// file as checksum, started_at/finished_at, applied_steps_count 1, logs NULL), the same
// advisory lock key, directories applied in the same order, and a failed migration recorded
// the same way (finished_at NULL, the error in logs), which blocks later runs until resolved.
// Unlike Prisma we run each migration and its bookkeeping in one transaction, so a failure
// leaves no half-applied schema behind.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlSession } from './sql';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** The key Prisma's schema engine locks before migrating PostgreSQL. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface Migration {
  /** The directory name, e.g. `20261124210000_init`. */
  readonly name: string;
  readonly script: string;
  readonly checksum: string;
}

export interface MigrationRecord {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/** Every `<dir>/migration.sql`, in the order Prisma applies them (directory names, localeCompare). */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  return Promise.all(
    names.map(async (name) => {
      const script = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, script, checksum: migrationChecksum(script) };
    }),
  );
}

async function migrationsTableExists(db: SqlSession): Promise<boolean> {
  const rows = await db.query<{ exists: string | null }>(
    `SELECT to_regclass('_prisma_migrations')::text AS exists`,
  );
  return rows[0]?.exists != null;
}

export async function appliedMigrations(db: SqlSession): Promise<MigrationRecord[]> {
  if (!(await migrationsTableExists(db))) return [];
  return db.query<MigrationRecord>(
    `SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count
       FROM _prisma_migrations ORDER BY started_at ASC`,
  );
}

/**
 * Brings the database up to date. Returns the names of the migrations it applied (empty when
 * there was nothing to do). Throws MigrationError, naming the migration, when one fails or an
 * earlier failure is still recorded.
 */
export async function migrate(db: SqlSession, migrations: readonly Migration[]): Promise<string[]> {
  await db.query(`SELECT pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})`);
  try {
    if (!(await migrationsTableExists(db))) await db.exec(CREATE_MIGRATIONS_TABLE);
    const records = await appliedMigrations(db);

    // Prisma's P3009: a failed migration must be resolved by a person before anything else runs.
    const failed = records.filter((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed.length > 0) {
      const names = failed.map((r) => r.migration_name).join(', ');
      throw new MigrationError(
        `migration ${names} failed earlier and is still marked failed in _prisma_migrations; fix the database, then mark it rolled back (set rolled_back_at) and start again`,
      );
    }

    const done = new Set(records.filter((r) => r.rolled_back_at === null).map((r) => r.migration_name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await applyOne(db, migration);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await db.query(`SELECT pg_advisory_unlock(${PRISMA_ADVISORY_LOCK_KEY})`);
  }
}

async function applyOne(db: SqlSession, migration: Migration): Promise<void> {
  const id = randomUUID();
  await db.exec('BEGIN');
  try {
    await db.query(
      `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, now(), $3)`,
      [id, migration.checksum, migration.name],
    );
    await db.exec(migration.script);
    await db.query(
      `UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1`,
      [id],
    );
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK');
    const reason = error instanceof Error ? error.message : String(error);
    await db.query(
      `INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, logs) VALUES ($1, $2, now(), $3, $4)`,
      [id, migration.checksum, migration.name, reason],
    );
    throw new MigrationError(`migration ${migration.name} failed: ${reason}`);
  }
}

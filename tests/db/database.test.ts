// The database factory and the migration runner, on a fresh database each time (embedded
// PGlite under `npm test`, a fresh PostgreSQL schema under `npm run test:services`).
// Where the runner claims to behave like `prisma migrate deploy`, Prisma's own schema engine
// (the WebAssembly build) is asked on the same database.
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/db/client';
import { StartupError } from '../../lib/startup-error';
import { appliedMigrations, MIGRATIONS_DIR, migrationChecksum, readMigrations } from '../../lib/db/migrate';
import { findPlayer, setNickname } from '../../lib/db/players';
import { migrationList, openSchemaEngine, SCHEMA_PATH } from '../../scripts/schema-engine';
import { freshDatabase, testDatabaseKind, type TestDatabase } from './target';

const noFilters = { externalTables: [], externalEnums: [] };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fresh(): Promise<TestDatabase> {
  const target = await freshDatabase();
  cleanups.push(() => target.drop());
  return target;
}

/** Prisma's schema engine on the test database; closed before the callback returns. */
async function withPrismaEngine<T>(target: TestDatabase, fn: (engine: Awaited<ReturnType<typeof openSchemaEngine>>) => Promise<T>) {
  const { factory, close } = target.adapterFactory();
  const engine = await openSchemaEngine(SCHEMA_PATH, factory);
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await close();
  }
}

describe(`database on ${testDatabaseKind}`, () => {
  it('creates and migrates a fresh database, then applies nothing the second time', async () => {
    const target = await fresh();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await openDatabase(target.config);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    await first.close();

    const second = await openDatabase(target.config);
    expect(second.applied).toEqual([]);
    await second.close();

    const rows = await target.withSession(appliedMigrations);
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
  });

  it('keeps a stored nickname across a close and reopen', async () => {
    const target = await fresh();
    const db = await openDatabase(target.config);
    const stored = await setNickname(db.prisma, 'Ada');
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);
    const renamed = await setNickname(db.prisma, 'Grace', stored.id);
    expect(renamed.id).toBe(stored.id);
    await db.close();

    const again = await openDatabase(target.config);
    expect(await findPlayer(again.prisma, stored.id)).toEqual({ id: stored.id, nickname: 'Grace', createdAt: stored.createdAt });
    await again.close();
  });

  it('records _prisma_migrations rows exactly like prisma migrate deploy does', async () => {
    // Ours.
    const ours = await fresh();
    await (await openDatabase(ours.config)).close();
    // Prisma's own deploy on another fresh database.
    const theirs = await fresh();
    const list = await migrationList(MIGRATIONS_DIR);
    const deployed = await withPrismaEngine(theirs, (engine) =>
      engine.applyMigrations({ migrationsList: list, filters: noFilters }),
    );
    expect(deployed.appliedMigrationNames).toEqual(list.migrationDirectories.map((d) => d.path));

    const columns = `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
                       FROM information_schema.columns
                      WHERE table_name = '_prisma_migrations' AND table_schema = current_schema()
                      ORDER BY ordinal_position`;
    const [ourColumns, ourRows] = await ours.withSession(async (s) => [await s.query(columns), await appliedMigrations(s)] as const);
    const [theirColumns, theirRows] = await theirs.withSession(async (s) => [await s.query(columns), await appliedMigrations(s)] as const);
    expect(ourColumns).toEqual(theirColumns);

    const comparable = (rows: typeof ourRows) =>
      rows.map((r) => ({
        migration_name: r.migration_name,
        checksum: r.checksum,
        logs: r.logs,
        rolled_back_at: r.rolled_back_at,
        applied_steps_count: r.applied_steps_count,
        finished: r.finished_at instanceof Date && r.finished_at >= r.started_at,
        uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r.id),
      }));
    expect(comparable(ourRows)).toEqual(comparable(theirRows));
    expect(ourRows[0]!.checksum).toBe(migrationChecksum(list.migrationDirectories[0]!.migrationFile.content.value as string));
  });

  it('agrees with Prisma in both directions: neither applies anything the other already did', async () => {
    const list = await migrationList(MIGRATIONS_DIR);

    const ours = await fresh();
    await (await openDatabase(ours.config)).close();
    await withPrismaEngine(ours, async (engine) => {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList: list,
        optInToShadowDatabase: false,
        filters: noFilters,
      });
      expect(diagnosis).toMatchObject({ history: null, failedMigrationNames: [], editedMigrationNames: [], hasMigrationsTable: true });
      expect((await engine.applyMigrations({ migrationsList: list, filters: noFilters })).appliedMigrationNames).toEqual([]);
    });

    const theirs = await fresh();
    await withPrismaEngine(theirs, (engine) => engine.applyMigrations({ migrationsList: list, filters: noFilters }));
    const db = await openDatabase(theirs.config);
    expect(db.applied).toEqual([]);
    await db.close();
  });

  it('rolls back a failing migration, records the failure as Prisma does, and refuses to start until it is resolved', async () => {
    const target = await fresh();
    const dir = await mkdtemp(path.join(tmpdir(), 'heapquest-migrations-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const broken = '29991231000000_broken';
    await mkdir(path.join(dir, broken));
    await writeFile(
      path.join(dir, broken, 'migration.sql'),
      'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n',
    );

    const attempt = openDatabase({ ...target.config, migrationsDir: dir });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow(/29991231000000_broken failed: .*no_such_table/);

    const { rows, halfDone } = await target.withSession(async (s) => ({
      rows: await appliedMigrations(s),
      halfDone: await s.query<{ t: string | null }>(`SELECT to_regclass('half_done')::text AS t`),
    }));
    expect(halfDone[0]!.t).toBeNull();
    const failed = rows.find((r) => r.migration_name === broken)!;
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed.logs).toMatch(/no_such_table/);

    // Prisma sees the same failed migration…
    const diagnosis = await withPrismaEngine(target, async (engine) =>
      engine.diagnoseMigrationHistory({ migrationsList: await migrationList(dir), optInToShadowDatabase: false, filters: noFilters }),
    );
    expect(diagnosis.failedMigrationNames).toEqual([broken]);
    // …and so do we, even once the file is gone: a person must resolve it.
    await expect(openDatabase(target.config)).rejects.toThrow(/29991231000000_broken failed earlier/);
  });
});

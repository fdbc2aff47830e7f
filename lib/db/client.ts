// The one way to get a database: embedded PGlite in a data directory by default, a PostgreSQL
// server when DATABASE_URL says so. Either way the committed migrations are applied before the
// Prisma client is handed out, so a caller never sees an old schema.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';
import { migrate, readMigrations, MIGRATIONS_DIR } from './migrate';
import { pgliteSession, pgSession } from './sql';
import { shortReason, StartupError } from '../startup-error';

export type { PrismaClient };

export interface DatabaseConfig {
  /** postgresql://… ; absent means the embedded database. */
  readonly url?: string;
  /** Where the embedded database keeps its files. */
  readonly dataDir: string;
  readonly migrationsDir?: string;
}

export interface Database {
  readonly prisma: PrismaClient;
  /** For the start-up line: where the data lives (never includes a password). */
  readonly description: string;
  /** Names of the migrations this start applied. */
  readonly applied: readonly string[];
  close(): Promise<void>;
}

export function databaseConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  return { url: url || undefined, dataDir: env.HEAPQUEST_DATA_DIR || './data' };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const migrations = await readMigrations(config.migrationsDir ?? MIGRATIONS_DIR);
  return config.url
    ? openPostgres(config.url, migrations)
    : openEmbedded(config.dataDir, migrations);
}

type Migrations = Awaited<ReturnType<typeof readMigrations>>;

async function openEmbedded(dataDir: string, migrations: Migrations): Promise<Database> {
  const dir = path.resolve(dataDir);
  let unlock: () => Promise<void>;
  let db: PGlite;
  try {
    await mkdir(dir, { recursive: true });
    unlock = await lockDataDir(dir);
  } catch (error) {
    throw new StartupError(
      error instanceof DataDirInUseError
        ? `heapquest: the embedded database in ${dir} is open in another process (pid ${error.pid}) — stop that server, or set HEAPQUEST_DATA_DIR to another directory`
        : `heapquest: cannot open the embedded database in ${dir} (${shortReason(error)}) — check that the directory is writable, or set HEAPQUEST_DATA_DIR`,
    );
  }
  try {
    db = new PGlite(dir);
    await db.waitReady;
  } catch (error) {
    await unlock();
    throw new StartupError(
      `heapquest: cannot open the embedded database in ${dir} (${shortReason(error)}) — check that the directory is writable, or set HEAPQUEST_DATA_DIR`,
    );
  }
  try {
    const applied = await migrate(pgliteSession(db), migrations);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    return {
      prisma,
      description: `embedded database in ${dir}`,
      applied,
      async close() {
        await prisma.$disconnect();
        await db.close();
        await unlock();
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    await unlock();
    throw new StartupError(`heapquest: cannot migrate the embedded database in ${dir}: ${shortReason(error)}`);
  }
}

interface PostgresTarget {
  /** The URL pg connects with (Prisma's `schema` parameter removed). */
  connectionString: string;
  /** Prisma's `?schema=` convention; PostgreSQL's default otherwise. */
  schema: string;
  /** The URL with any password masked, for messages. */
  shown: string;
}

function parsePostgresUrl(raw: string): PostgresTarget {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StartupError(
      `heapquest: DATABASE_URL is not a URL — set it to postgresql://user@host:5432/database or unset it to use the embedded database`,
    );
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new StartupError(
      `heapquest: DATABASE_URL must start with postgresql:// (got ${url.protocol}//) — or unset it to use the embedded database`,
    );
  }
  const schema = url.searchParams.get('schema') ?? 'public';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
    throw new StartupError(
      `heapquest: the schema in DATABASE_URL (?schema=${schema}) must be letters, digits and underscores`,
    );
  }
  url.searchParams.delete('schema');
  const shownUrl = new URL(url);
  if (shownUrl.password) shownUrl.password = '***';
  return { connectionString: url.toString(), schema, shown: shownUrl.toString() };
}

async function openPostgres(rawUrl: string, migrations: Migrations): Promise<Database> {
  const target = parsePostgresUrl(rawUrl);
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server emits 'error'; without a listener that would crash us.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new StartupError(
      `heapquest: cannot reach the database at ${target.shown} (${shortReason(error)}) — check DATABASE_URL or unset it to use the embedded database`,
    );
  }
  let applied: string[];
  try {
    const schema = pg.escapeIdentifier(target.schema);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path TO ${schema}`);
    applied = await migrate(pgSession(client), migrations);
  } catch (error) {
    throw new StartupError(`heapquest: cannot migrate the database at ${target.shown}: ${shortReason(error)}`);
  } finally {
    await client.end().catch(() => {});
  }
  const adapter = new PrismaPg(
    { connectionString: target.connectionString, options: `-c search_path=${target.schema}` },
    { schema: target.schema },
  );
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    description: `PostgreSQL at ${target.shown}${target.schema === 'public' ? '' : ` (schema ${target.schema})`}`,
    applied,
    close: () => prisma.$disconnect(),
  };
}

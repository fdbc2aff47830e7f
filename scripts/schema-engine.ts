// Prisma's own schema engine (the WebAssembly build from @prisma/schema-engine-wasm), loaded
// by hand so Node 20 needs no --experimental-wasm-modules. The native engine cannot be
// downloaded here; this one runs offline against a driver adapter. Used by the migration
// script (to write SQL exactly as `prisma migrate diff` would) and by tests that check our
// own runner agrees with Prisma's `migrate deploy`.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm';
import { fileURLToPath } from 'node:url';
import { readMigrations } from '../lib/db/migrate';

export type SchemaEngine = SchemaEngineType;

const require = createRequire(import.meta.url);
let loaded: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

function loadBindings() {
  loaded ??= (async () => {
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return loaded;
}

/** An engine for one schema file, talking to the database behind `adapterFactory`. */
export async function openSchemaEngine(
  schemaPath: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const content = await readFile(schemaPath, 'utf8');
  // The engine expects the factory wrapped the way Prisma's CLI wraps it (bound methods,
  // Result values, an error registry).
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  return SchemaEngine.new({ datamodels: [[schemaPath, content]] }, log, bound);
}

export const SCHEMA_PATH = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

/** The migrations directory as Prisma's CLI hands it to the engine. */
export async function migrationList(dir: string): Promise<MigrationList> {
  const lockfilePath = 'migration_lock.toml';
  const lockfile = await readFile(path.join(dir, lockfilePath), 'utf8').catch(() => null);
  const migrations = await readMigrations(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return {
    baseDir: dir,
    lockfile: { path: lockfilePath, content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.script } },
    })),
  };
}

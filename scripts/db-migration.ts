// Writes the next migration after prisma/schema.prisma changes:
//   npm run db:migration -- add_progress
// The SQL comes from Prisma's own schema engine (WebAssembly build), as `prisma migrate dev
// --create-only` would write it, into prisma/migrations/<timestamp>_<name>/migration.sql.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../lib/db/migrate';
import { MIGRATION_LOCKFILE, unmigratedSchemaChanges } from './schema-engine';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name in snake_case>');
  process.exit(2);
}

const sql = await unmigratedSchemaChanges();
if (sql === null) {
  console.log('prisma/schema.prisma matches the migrations: nothing to write');
  process.exit(0);
}
// Prisma names migration directories by the UTC time of creation: YYYYMMDDHHMMSS_name.
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql, 'utf8');
await writeFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), MIGRATION_LOCKFILE, 'utf8');
console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);

// Someone who edits prisma/schema.prisma must also commit the migration for it
// (`npm run db:migration -- <name>`); otherwise the database and the Prisma client disagree.
import { expect, it } from 'vitest';
import { unmigratedSchemaChanges } from '../../scripts/schema-engine';

it('the committed migrations produce exactly prisma/schema.prisma', async () => {
  const missing = await unmigratedSchemaChanges();
  expect(missing, `schema.prisma has changes no migration applies; run npm run db:migration -- <name>:\n${missing}`).toBeNull();
});

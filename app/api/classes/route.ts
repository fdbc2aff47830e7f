// POST /api/classes — a teacher creates a class; the answer carries its join code.
import { z } from 'zod';
import { json, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { classNameSchema, createClass } from '@/lib/classes/classes';

const body = z.strictObject({ name: classNameSchema });

export const POST = accountRoute('class creation', async ({ request, prisma, viewer }) => {
  const { name } = body.parse(await readJson(request));
  const created = await createClass(prisma, viewer, name);
  return json({ ok: true, class: { id: created.id, name: created.name, code: created.code } }, 201);
});

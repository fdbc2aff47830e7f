// POST /api/classes/<id>/remove — the class's teacher removes a student from it.
import { z } from 'zod';
import { json, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { removeStudent } from '@/lib/classes/classes';

const body = z.strictObject({ studentId: z.string().max(64) });

export const POST = accountRoute<{ id: string }>('student removal', async ({ request, prisma, viewer }, { id }) => {
  const { studentId } = body.parse(await readJson(request));
  await removeStudent(prisma, viewer, id, studentId);
  return json({ ok: true });
});

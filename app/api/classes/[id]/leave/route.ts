// POST /api/classes/<id>/leave — a student leaves one of their classes.
import { json } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { leaveClass } from '@/lib/classes/classes';

export const POST = accountRoute<{ id: string }>('class leave', async ({ prisma, viewer }, { id }) => {
  await leaveClass(prisma, viewer, id);
  return json({ ok: true });
});

// POST /api/students/<id>/reset — a student's teacher gets a one-time password reset link to
// hand over (students have no email). The link is answered to the teacher only, never logged.
// HEAPQUEST_PUBLIC_URL fixes the address it points at, as for a teacher's own reset.
import { json } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { issueStudentReset } from '@/lib/auth/reset';

export const POST = accountRoute<{ id: string }>('student password reset', async ({ request, prisma, viewer }, { id }) => {
  const base = process.env.HEAPQUEST_PUBLIC_URL || new URL(request.url).origin;
  const { link, expiresAt } = await issueStudentReset(prisma, viewer, id, (token) => new URL(`/reset?token=${token}`, base).toString());
  return json({ ok: true, link, expiresAt: expiresAt.toISOString() });
});

// POST /api/classes/join — a student joins a class with its code. Rate-limited like sign-up
// (per address), so codes cannot be guessed at speed.
import { z } from 'zod';
import { clientAddress, json, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { requireStudent } from '@/lib/auth/permissions';
import { authRateLimits } from '@/lib/auth/rate-limits';
import { classCodeSchema, joinClass } from '@/lib/classes/classes';

const body = z.strictObject({ code: classCodeSchema });

export const POST = accountRoute('class join', async ({ request, prisma, viewer }) => {
  requireStudent(viewer);
  authRateLimits().signUp(clientAddress(request.headers));
  const { code } = body.parse(await readJson(request));
  return json({ ok: true, joined: await joinClass(prisma, viewer, code) });
});

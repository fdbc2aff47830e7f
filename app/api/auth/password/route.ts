// POST /api/auth/password — change the password (the current one is asked). Every other
// session ends; this browser gets a fresh one.
import { z } from 'zod';
import { changePassword } from '@/lib/auth/accounts';
import { isSecure, json, readJson, sessionCookie } from '@/lib/auth/http';
import { passwordSchema, PASSWORD_MAX } from '@/lib/auth/input';
import { accountRoute } from '@/lib/auth/next';
import { requireSignedIn } from '@/lib/auth/permissions';
import { startSession } from '@/lib/auth/sessions';

const body = z.strictObject({ current: z.string().min(1, 'Type your current password.').max(PASSWORD_MAX), next: passwordSchema });

export const POST = accountRoute('password change', async ({ request, prisma, viewer }) => {
  const account = requireSignedIn(viewer);
  const { current, next } = body.parse(await readJson(request));
  await changePassword(prisma, account.accountId, current, next);
  const session = await startSession(prisma, account.accountId);
  return json({ ok: true }, 200, [sessionCookie(session.token, isSecure(request))]);
});

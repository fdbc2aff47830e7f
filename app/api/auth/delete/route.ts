// POST /api/auth/delete — deletes the signed-in account and its data (the password is asked
// again). A teacher's classes go with it; a student's progress and scores go with them.
import { z } from 'zod';
import { authenticate, deleteAccount } from '@/lib/auth/accounts';
import { clearCookie, isSecure, json, PLAYER_COOKIE, readJson, SESSION_COOKIE } from '@/lib/auth/http';
import { PASSWORD_MAX } from '@/lib/auth/input';
import { accountRoute } from '@/lib/auth/next';
import { requireSignedIn } from '@/lib/auth/permissions';

const body = z.strictObject({ password: z.string().min(1, 'Type your password to confirm.').max(PASSWORD_MAX) });

export const POST = accountRoute('account deletion', async ({ request, prisma, viewer }) => {
  const account = requireSignedIn(viewer);
  const { password } = body.parse(await readJson(request));
  await authenticate(prisma, account.login, password);
  await deleteAccount(prisma, account.accountId);
  const secure = isSecure(request);
  return json({ ok: true }, 200, [clearCookie(SESSION_COOKIE, secure), clearCookie(PLAYER_COOKIE, secure)]);
});

// POST /api/auth/signout-everywhere — ends every session of the account, on every device.
import { clearCookie, isSecure, json, SESSION_COOKIE } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { requireSignedIn } from '@/lib/auth/permissions';
import { endAllSessions } from '@/lib/auth/sessions';

export const POST = accountRoute('sign-out everywhere', async ({ request, prisma, viewer }) => {
  const account = requireSignedIn(viewer);
  const ended = await endAllSessions(prisma, account.accountId);
  return json({ ok: true, ended }, 200, [clearCookie(SESSION_COOKIE, isSecure(request))]);
});

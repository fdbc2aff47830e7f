// POST /api/auth/signout — ends this browser's session. A student's player cookie goes too, so
// the next person at a shared computer starts as a new anonymous player.
import { clearCookie, isSecure, json, PLAYER_COOKIE, SESSION_COOKIE } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { endSession } from '@/lib/auth/sessions';

export const POST = accountRoute('sign-out', async ({ request, prisma, viewer, sessionToken }) => {
  await endSession(prisma, sessionToken);
  const secure = isSecure(request);
  const cookies = [clearCookie(SESSION_COOKIE, secure)];
  if (viewer?.role === 'student') cookies.push(clearCookie(PLAYER_COOKIE, secure));
  return json({ ok: true }, 200, cookies);
});

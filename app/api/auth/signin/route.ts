// POST /api/auth/signin — email (teacher) or username (student) and password. Rate-limited per
// address and per login. A student's play on this device before signing in is merged into
// their account.
import { attachDevicePlayer, authenticate } from '@/lib/auth/accounts';
import { clientAddress, isSecure, json, playerCookie, readJson, sessionCookie } from '@/lib/auth/http';
import { signInSchema } from '@/lib/auth/input';
import { accountRoute } from '@/lib/auth/next';
import { anonymousPlayer } from '@/lib/auth/player';
import { authRateLimits } from '@/lib/auth/rate-limits';
import { endSession, startSession } from '@/lib/auth/sessions';

export const POST = accountRoute('sign-in', async ({ request, prisma, playerCookie: device, sessionToken }) => {
  const input = signInSchema.parse(await readJson(request));
  authRateLimits().signIn(clientAddress(request.headers), input.login);
  const account = await attachDevicePlayer(prisma, await authenticate(prisma, input.login, input.password), await anonymousPlayer(prisma, device));
  // A fresh token on every sign-in; whatever session this browser held before ends here.
  await endSession(prisma, sessionToken);
  const session = await startSession(prisma, account.accountId);
  const secure = isSecure(request);
  const cookies = [sessionCookie(session.token, secure)];
  if (account.role === 'student' && account.playerId) cookies.push(playerCookie(account.playerId, secure));
  return json({ ok: true, account: { role: account.role, displayName: account.displayName } }, 200, cookies);
});

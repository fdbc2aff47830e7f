// POST /api/auth/reset-request — starts a teacher's password reset. The answer is the same
// whether or not the email has an account. With no mail server the link is printed to the
// server log; HEAPQUEST_PUBLIC_URL fixes the address the link points at (otherwise the
// address this request was sent to).
import { clientAddress, json, readJson } from '@/lib/auth/http';
import { resetRequestSchema } from '@/lib/auth/input';
import { accountRoute } from '@/lib/auth/next';
import { authRateLimits } from '@/lib/auth/rate-limits';
import { requestPasswordReset } from '@/lib/auth/reset';

export const POST = accountRoute('password reset request', async ({ request, prisma }) => {
  const { email } = resetRequestSchema.parse(await readJson(request));
  authRateLimits().reset(clientAddress(request.headers), email);
  const base = process.env.HEAPQUEST_PUBLIC_URL || new URL(request.url).origin;
  await requestPasswordReset(prisma, email, (token) => new URL(`/reset?token=${token}`, base).toString());
  return json({ ok: true, message: 'If a teacher account has that email, a reset link is on its way. It works once, for 30 minutes.' });
});

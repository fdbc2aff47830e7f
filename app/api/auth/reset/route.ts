// POST /api/auth/reset — a new password with a reset token. Signs the account out everywhere.
import { json, readJson } from '@/lib/auth/http';
import { resetSchema } from '@/lib/auth/input';
import { accountRoute } from '@/lib/auth/next';
import { resetPassword } from '@/lib/auth/reset';

export const POST = accountRoute('password reset', async ({ request, prisma }) => {
  const { token, password } = resetSchema.parse(await readJson(request));
  await resetPassword(prisma, token, password);
  return json({ ok: true, message: 'Your password is changed. Sign in with the new one.' });
});

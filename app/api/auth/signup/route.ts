// POST /api/auth/signup — a teacher (email) or a student (username) account. A student takes
// over this device's anonymous player, so what they played so far stays theirs, and may join
// a class in the same step.
import { z } from 'zod';
import { signUp } from '@/lib/auth/accounts';
import { AuthError } from '@/lib/auth/errors';
import { clientAddress, isSecure, json, playerCookie, readJson, sessionCookie } from '@/lib/auth/http';
import { studentSignUpSchema, teacherSignUpSchema } from '@/lib/auth/input';
import { accountRoute } from '@/lib/auth/next';
import { anonymousPlayer } from '@/lib/auth/player';
import { authRateLimits } from '@/lib/auth/rate-limits';
import { startSession } from '@/lib/auth/sessions';
import { classCodeSchema, joinClass } from '@/lib/classes/classes';

const body = z.discriminatedUnion('role', [
  teacherSignUpSchema.extend({ role: z.literal('teacher') }),
  studentSignUpSchema.extend({ role: z.literal('student'), classCode: classCodeSchema.optional() }),
]);

export const POST = accountRoute('sign-up', async ({ request, prisma, playerCookie: device }) => {
  authRateLimits().signUp(clientAddress(request.headers));
  const input = body.parse(await readJson(request));
  const secure = isSecure(request);
  if (input.role === 'teacher') {
    const account = await signUp(prisma, { role: 'teacher', login: input.email, password: input.password, displayName: input.displayName });
    const session = await startSession(prisma, account.accountId);
    return json({ ok: true, account: { role: account.role, displayName: account.displayName } }, 201, [sessionCookie(session.token, secure)]);
  }
  // Check the class code before making the account, so a typo does not leave a half-done sign-up.
  if (input.classCode && !(await prisma.classroom.findUnique({ where: { code: input.classCode }, select: { id: true } }))) {
    throw new AuthError('not_found', 'No class has that code. Check it with your teacher.');
  }
  const account = await signUp(prisma, { role: 'student', login: input.username, password: input.password, displayName: input.displayName }, await anonymousPlayer(prisma, device));
  const session = await startSession(prisma, account.accountId);
  const joined = input.classCode ? await joinClass(prisma, account, input.classCode) : null;
  return json({ ok: true, account: { role: account.role, displayName: account.displayName }, joined }, 201, [
    sessionCookie(session.token, secure),
    playerCookie(account.playerId!, secure),
  ]);
});

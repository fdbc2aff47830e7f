// Password reset: a one-time token, valid for 30 minutes. A teacher's goes by mail — or, with
// no mail server configured, to the server log for the administrator to pass on; asking for it
// answers the same whether or not the email has an account. A student signed up with a
// username and no email, so their teacher asks for theirs and hands the link over.
import type { PrismaClient } from '../db/client';
import { AuthError } from './errors';
import { hashPassword } from './password';
import { requireTeacherOfStudent } from './permissions';
import type { SignedIn } from './sessions';
import { hashToken, newSecret, SECRET_PATTERN } from './tokens';

export const RESET_TTL_MS = 30 * 60 * 1000;

export interface Mailer {
  sendPasswordReset(to: string, link: string, expiresAt: Date): Promise<void>;
}

/** The mailer when no mail server is configured: the link goes to the server log. */
export const logMailer: Mailer = {
  async sendPasswordReset(to, link, expiresAt) {
    console.log(`heapquest: password reset for ${to} (no mail server configured, so the link is printed here; valid until ${expiresAt.toISOString()}): ${link}`);
  },
};

/** Starts a reset for `email` if a teacher has that login; `linkFor` turns a token into the page's URL. */
export async function requestPasswordReset(
  prisma: PrismaClient,
  email: string,
  linkFor: (token: string) => string,
  mailer: Mailer = logMailer,
  now = new Date(),
): Promise<void> {
  const account = await prisma.account.findUnique({ where: { login: email }, select: { id: true, role: true } });
  if (!account || account.role !== 'teacher') return;
  const { token, expiresAt } = await newResetToken(prisma, account.id, now);
  await mailer.sendPasswordReset(email, linkFor(token), expiresAt);
}

/**
 * A reset link for a student in one of the teacher's classes, for the teacher to hand over
 * (shown to them once, never logged). Anyone else gets the answer a missing student gets.
 */
export async function issueStudentReset(
  prisma: PrismaClient,
  viewer: SignedIn | null,
  studentId: string,
  linkFor: (token: string) => string,
  now = new Date(),
): Promise<{ link: string; expiresAt: Date }> {
  const student = await requireTeacherOfStudent(prisma, viewer, studentId);
  const { token, expiresAt } = await newResetToken(prisma, student.id, now);
  return { link: linkFor(token), expiresAt };
}

async function newResetToken(prisma: PrismaClient, accountId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await prisma.$transaction([
    // Only the newest link works: an older one in a mailbox is worth nothing.
    prisma.passwordReset.deleteMany({ where: { accountId } }),
    prisma.passwordReset.create({ data: { id: hashToken(token), accountId, expiresAt } }),
  ]);
  return { token, expiresAt };
}

const INVALID = 'This reset link is not valid any more (used, expired or replaced by a newer one). Ask for a new one.';

/**
 * Sets a new password with a reset token. The token is spent by one conditional update, so two
 * requests racing with the same token cannot both succeed; every session of the account ends.
 */
export async function resetPassword(prisma: PrismaClient, token: string, password: string, now = new Date()): Promise<{ accountId: string }> {
  if (!SECRET_PATTERN.test(token)) throw new AuthError('reset_invalid', INVALID);
  const passwordHash = await hashPassword(password);
  const id = hashToken(token);
  return prisma.$transaction(async (tx) => {
    const spent = await tx.passwordReset.updateMany({ where: { id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (spent.count !== 1) throw new AuthError('reset_invalid', INVALID);
    const { accountId } = await tx.passwordReset.findUniqueOrThrow({ where: { id }, select: { accountId: true } });
    await tx.account.update({ where: { id: accountId }, data: { passwordHash } });
    await tx.authSession.deleteMany({ where: { accountId } });
    return { accountId };
  });
}

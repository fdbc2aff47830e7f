// Signed-in browsers. The cookie carries a random token; the database keeps its SHA-256 as
// the session id, so reading the table gives nobody a session. A session lasts 30 days from
// sign-in; "sign out everywhere" and a password change delete every session of the account.
import type { PrismaClient } from '../db/client';
import { hashToken, newSecret, SECRET_PATTERN } from './tokens';

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

export type Role = 'teacher' | 'student';

/** Who a request is signed in as. */
export interface SignedIn {
  readonly accountId: string;
  readonly role: Role;
  readonly login: string;
  readonly displayName: string;
  readonly playerId: string | null;
  readonly leaderboardOptIn: boolean;
}

const accountFields = { id: true, role: true, login: true, displayName: true, playerId: true, leaderboardOptIn: true } as const;

export function toSignedIn(a: { id: string; role: string; login: string; displayName: string; playerId: string | null; leaderboardOptIn: boolean }): SignedIn {
  return { accountId: a.id, role: a.role as Role, login: a.login, displayName: a.displayName, playerId: a.playerId, leaderboardOptIn: a.leaderboardOptIn };
}

export async function startSession(prisma: PrismaClient, accountId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await prisma.$transaction([
    // Tidy as we go: this account's expired sessions are of no use to anyone.
    prisma.authSession.deleteMany({ where: { accountId, expiresAt: { lte: now } } }),
    prisma.authSession.create({ data: { id: hashToken(token), accountId, expiresAt } }),
  ]);
  return { token, expiresAt };
}

/** The account a session token stands for, or null (unknown, malformed or expired token). */
export async function sessionAccount(prisma: PrismaClient, token: string | null | undefined, now = new Date()): Promise<SignedIn | null> {
  if (!token || !SECRET_PATTERN.test(token)) return null;
  const session = await prisma.authSession.findUnique({
    where: { id: hashToken(token) },
    select: { expiresAt: true, account: { select: accountFields } },
  });
  if (!session || session.expiresAt <= now) return null;
  return toSignedIn(session.account);
}

export async function endSession(prisma: PrismaClient, token: string | null | undefined): Promise<void> {
  if (!token || !SECRET_PATTERN.test(token)) return;
  await prisma.authSession.deleteMany({ where: { id: hashToken(token) } });
}

/** Signs the account out on every device. Returns how many sessions ended. */
export async function endAllSessions(prisma: PrismaClient, accountId: string): Promise<number> {
  const { count } = await prisma.authSession.deleteMany({ where: { accountId } });
  return count;
}

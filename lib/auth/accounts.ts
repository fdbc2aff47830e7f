// Accounts: teachers (email) and students (username), each with a password. A student's
// account owns one Player, the identity progress is stored under; signing up takes over the
// anonymous player of the device, and signing in on another device merges that device's
// anonymous player into it.
import type { PrismaClient } from '../db/client';
import { AuthError, isUniqueViolation } from './errors';
import { PLAYER_TRANSACTION, setListedIn } from '../leaderboard/record';
import { mergePlayersIn } from './merge';
import { hashPassword, needsRehash, spendVerificationTime, verifyPassword } from './password';
import { endAllSessions, toSignedIn, type SignedIn } from './sessions';

/** The teacherId live sessions are stored under for a teacher account. */
export const teacherIdOfAccount = (accountId: string) => `acct-${accountId}`;

const accountFields = { id: true, role: true, login: true, displayName: true, playerId: true, leaderboardOptIn: true } as const;

const TAKEN = {
  teacher: 'An account with that email already exists. Sign in, or reset the password.',
  student: 'That username is taken. Pick another one.',
};

/** A device's anonymous player that nobody's account owns yet, or null. */
async function unclaimedPlayer(prisma: Pick<PrismaClient, 'player'>, playerId: string | null | undefined): Promise<string | null> {
  if (!playerId) return null;
  const player = await prisma.player.findUnique({ where: { id: playerId }, select: { id: true, account: { select: { id: true } } } });
  return player && !player.account ? player.id : null;
}

export interface NewAccount {
  readonly role: 'teacher' | 'student';
  /** Email for a teacher, username for a student; already normalised (input.ts). */
  readonly login: string;
  readonly password: string;
  readonly displayName: string;
}

/** Creates the account; a student's takes over `devicePlayerId` when that player is nobody's yet. */
export async function signUp(prisma: PrismaClient, input: NewAccount, devicePlayerId?: string | null): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      let playerId: string | null = null;
      if (input.role === 'student') {
        playerId = (await unclaimedPlayer(tx, devicePlayerId)) ?? (await tx.player.create({ data: {}, select: { id: true } })).id;
      }
      const account = await tx.account.create({
        data: { role: input.role, login: input.login, passwordHash, displayName: input.displayName, playerId },
        select: accountFields,
      });
      return toSignedIn(account);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      // Either the login is taken, or (a race) another sign-up claimed the same device player.
      const taken = await prisma.account.findUnique({ where: { login: input.login }, select: { id: true } });
      if (taken) throw new AuthError('login_taken', TAKEN[input.role]);
      throw new AuthError('conflict', 'Someone else signed up from this device at the same moment. Try again.');
    }
    throw error;
  }
}

/** The account for a login and password, or an AuthError that does not say which was wrong. */
export async function authenticate(prisma: PrismaClient, login: string, password: string): Promise<SignedIn> {
  const account = await prisma.account.findUnique({ where: { login }, select: { ...accountFields, passwordHash: true } });
  if (!account) {
    await spendVerificationTime(password);
    throw new AuthError('bad_credentials', 'That email or username and password do not match an account.');
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    throw new AuthError('bad_credentials', 'That email or username and password do not match an account.');
  }
  if (needsRehash(account.passwordHash)) {
    await prisma.account.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return toSignedIn(account);
}

/**
 * After a student signs in on a device: the device's anonymous player (if any, and nobody's)
 * is merged into the account's player. Returns the account with its (possibly new) player id.
 */
export async function attachDevicePlayer(prisma: PrismaClient, account: SignedIn, devicePlayerId: string | null | undefined): Promise<SignedIn> {
  if (account.role !== 'student') return account;
  if (account.playerId && account.playerId === devicePlayerId) return account;
  return prisma.$transaction(async (tx) => {
    const device = await unclaimedPlayer(tx, devicePlayerId);
    const current = await tx.account.findUniqueOrThrow({ where: { id: account.accountId }, select: accountFields });
    if (!current.playerId) {
      // The account lost its player (deleted by hand): the device's, or a fresh one, becomes it.
      const playerId = device ?? (await tx.player.create({ data: {}, select: { id: true } })).id;
      return toSignedIn(await tx.account.update({ where: { id: account.accountId }, data: { playerId }, select: accountFields }));
    }
    if (device) await mergePlayersIn(tx, device, current.playerId);
    return toSignedIn(current);
  }, PLAYER_TRANSACTION);
}

export async function changePassword(prisma: PrismaClient, accountId: string, current: string, next: string): Promise<void> {
  const account = await prisma.account.findUnique({ where: { id: accountId }, select: { passwordHash: true } });
  if (!account || !(await verifyPassword(account.passwordHash, current))) {
    throw new AuthError('bad_credentials', 'The current password is not right.');
  }
  const passwordHash = await hashPassword(next);
  await prisma.account.update({ where: { id: accountId }, data: { passwordHash } });
  // Whoever knew the old password is signed out everywhere; the caller starts a new session.
  await endAllSessions(prisma, accountId);
}

/**
 * Deletes an account and what belongs to it: sessions, resets, a teacher's classes and live
 * sessions, a student's memberships and their player with its progress, leaderboard rows and
 * live-session attendance. Nickname-only traces stay in other teachers' live-session logs;
 * with the attendance link gone they no longer point at anyone.
 */
export async function deleteAccount(prisma: PrismaClient, accountId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: accountId }, select: { playerId: true, role: true } });
    if (!account) return;
    await tx.account.delete({ where: { id: accountId } });
    if (account.role === 'teacher') await tx.liveSession.deleteMany({ where: { teacherId: teacherIdOfAccount(accountId) } });
    if (account.playerId) await tx.player.delete({ where: { id: account.playerId } });
  });
}

/** Shows or hides the account on the public leaderboards. */
export async function setLeaderboardOptIn(prisma: PrismaClient, accountId: string, optIn: boolean): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const account = await tx.account.update({ where: { id: accountId }, data: { leaderboardOptIn: optIn }, select: { playerId: true } });
    if (account.playerId) await setListedIn(tx, account.playerId, optIn);
  }, PLAYER_TRANSACTION);
}

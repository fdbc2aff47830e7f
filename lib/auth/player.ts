// Which Player a request plays as. A signed-in student plays as their account's player on
// every device; anyone else (anonymous, or a teacher trying levels) plays as the device's
// anonymous player, named by the `hq_player` cookie. A cookie naming a player that an account
// owns is not enough to act as it — that needs the account's session — so such a device gets
// a fresh anonymous player (this is what happens after a student signs out on a shared
// computer).
import type { PrismaClient } from '../db/client';
import type { SignedIn } from './sessions';

export const PLAYER_COOKIE = 'hq_player';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The device's anonymous player named by the cookie, if it exists and no account owns it. */
export async function anonymousPlayer(prisma: PrismaClient, cookieValue: string | null | undefined): Promise<string | null> {
  const id = cookieValue?.toLowerCase();
  if (!id || !UUID.test(id)) return null;
  const found = await prisma.player.findUnique({ where: { id }, select: { id: true, account: { select: { id: true } } } });
  return found && !found.account ? found.id : null;
}

export interface ResolvedPlayer {
  readonly playerId: string;
  /** The player cookie's new value when the browser must be told (null: leave it as it is). */
  readonly cookie: string | null;
}

/**
 * The player for this request, creating an anonymous one when there is none. With
 * `create: false`, returns null instead of creating (pages that only read).
 */
export async function resolvePlayer(prisma: PrismaClient, viewer: SignedIn | null, cookieValue: string | null | undefined, create: true): Promise<ResolvedPlayer>;
export async function resolvePlayer(prisma: PrismaClient, viewer: SignedIn | null, cookieValue: string | null | undefined, create: false): Promise<ResolvedPlayer | null>;
export async function resolvePlayer(prisma: PrismaClient, viewer: SignedIn | null, cookieValue: string | null | undefined, create: boolean): Promise<ResolvedPlayer | null> {
  if (viewer?.role === 'student' && viewer.playerId) {
    return { playerId: viewer.playerId, cookie: cookieValue === viewer.playerId ? null : viewer.playerId };
  }
  const anonymous = await anonymousPlayer(prisma, cookieValue);
  if (anonymous) return { playerId: anonymous, cookie: null };
  if (!create) return null;
  const made = await prisma.player.create({ data: {}, select: { id: true } });
  return { playerId: made.id, cookie: made.id };
}

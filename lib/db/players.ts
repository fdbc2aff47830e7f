// Players: who is playing, under which nickname.
import type { PrismaClient } from './client';

export interface StoredPlayer {
  id: string;
  nickname: string | null;
  createdAt: Date;
}

const visible = { id: true, nickname: true, createdAt: true } as const;

export function findPlayer(prisma: PrismaClient, id: string): Promise<StoredPlayer | null> {
  return prisma.player.findUnique({ where: { id }, select: visible });
}

/**
 * Sets the nickname of player `id`, or of a new player when `id` is absent or unknown (a
 * browser may remember an id from a database that has since been reset).
 */
export async function setNickname(
  prisma: PrismaClient,
  nickname: string,
  id?: string,
): Promise<StoredPlayer> {
  if (id) {
    return prisma.player.upsert({ where: { id }, update: { nickname }, create: { id, nickname }, select: visible });
  }
  return prisma.player.create({ data: { nickname }, select: visible });
}

// Accounts in the live-session sockets:
// - isAccountHost: a signed-in teacher hosts the sessions stored under their account
//   (lib/auth/live-teacher.ts), from any browser;
// - the attendance feature links a participant to the player behind it, so a student's profile
//   and their teacher's dashboard show the live sessions they took part in. The live layer
//   knows a participant only by nickname and token; this feature watches for the `joined`
//   message it sends a connection and records who that connection's cookies name: a signed-in
//   student's player, or the device's anonymous player. It adds no events of its own.
import type { PrismaClient } from '../db/client';
import { readCookie } from '../realtime/live';
import type { RealtimeFeature, RealtimeServer, RealtimeSocket } from '../realtime/server';
import { PLAYER_COOKIE, SESSION_COOKIE } from './http';
import { liveTeacherIdOf } from './live-teacher';
import { anonymousPlayer } from './player';
import { sessionAccount } from './sessions';

/** Whether a connection's cookies are a signed-in teacher whose sessions are stored under `teacherId`. */
export async function isAccountHost(prisma: PrismaClient, cookieHeader: string | undefined, teacherId: string): Promise<boolean> {
  if (!teacherId.startsWith('acct-')) return false;
  const id = liveTeacherIdOf(await sessionAccount(prisma, readCookie(cookieHeader, SESSION_COOKIE)));
  return id !== null && id === teacherId;
}

/** The player a connection's cookies stand for (the same rule as pages: lib/auth/player.ts). */
export async function playerOfCookies(prisma: PrismaClient, cookieHeader: string | undefined): Promise<string | null> {
  const account = await sessionAccount(prisma, readCookie(cookieHeader, SESSION_COOKIE));
  if (account?.role === 'student' && account.playerId) return account.playerId;
  return anonymousPlayer(prisma, readCookie(cookieHeader, PLAYER_COOKIE));
}

export async function recordAttendance(prisma: PrismaClient, cookieHeader: string | undefined, sessionId: string, participantId: string): Promise<void> {
  const playerId = await playerOfCookies(prisma, cookieHeader);
  if (!playerId) return;
  // The first join names the participant; a rejoin (any device, same token) changes nothing.
  await prisma.liveAttendance.upsert({
    where: { sessionId_participantId: { sessionId, participantId } },
    create: { sessionId, participantId, playerId },
    update: {},
  });
}

interface JoinedMessage {
  readonly type: 'joined';
  readonly participantId: string;
}

function isJoined(event: string, message: unknown): message is JoinedMessage {
  return event === 'live' && typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'joined';
}

export function liveAttendanceFeature(prisma: PrismaClient) {
  return (io: RealtimeServer): RealtimeFeature => {
    io.on('connection', (socket: RealtimeSocket) => {
      socket.onAnyOutgoing((event: string, message: unknown) => {
        if (!isJoined(event, message)) return;
        // The live layer binds the connection before it sends `joined`.
        const binding = socket.data.live as { role?: string; sessionId?: string } | undefined;
        if (binding?.role !== 'student' || !binding.sessionId) return;
        recordAttendance(prisma, socket.request.headers.cookie, binding.sessionId, message.participantId).catch((error: unknown) => {
          console.error(`heapquest: recording live attendance in ${binding.sessionId} failed:`, error);
        });
      });
    });
    return {
      events: {},
      handle: async () => {
        throw new Error('live attendance has no events');
      },
    };
  };
}

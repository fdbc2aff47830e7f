// Live sessions over Socket.io: the events a browser may send, who the sender is, rate
// limits, and the binding of a connection to a session (as its host, a participant, or a
// projector). The payloads are checked by the realtime dispatcher (server.ts) with the schemas
// below; the session itself is run by LiveHub.
//
// Who is who is decided here, never taken from a payload:
// - host: the `hq_host` HTTP-only cookie sent with the Socket.io handshake; its hash is the
//   teacherId the session was created with (accounts will supply a real id later);
// - participant: the socket that joined, or that rejoined with the secret token handed out at
//   join (the browser keeps it; the server stores only its hash);
// - anyone else is a guest, who may only join or rejoin.
import { z } from 'zod';
import { joinCodeSchema } from '../live/events';
import { liveClientEvents, parseLiveClientEvent, toLiveEvent, type Actor, type LiveClientEventName, type ServerMessage } from '../live';
import { LiveHub, newToken, rooms, type Origin } from './live-hub';
import { HOST_COOKIE_NAME, hashToken, teacherIdOf } from './live-host';
import { DEFAULT_LIVE_RATES, RateLimiter, type LiveRateRules } from './live-rate';
import { ClientError, type RealtimeFeature, type RealtimeServer, type RealtimeSocket } from './server';

export const HOST_COOKIE = HOST_COOKIE_NAME;
export const teacherIdFor = teacherIdOf;

export type LiveBinding =
  | { readonly role: 'teacher'; readonly sessionId: string; readonly teacherId: string }
  | { readonly role: 'student'; readonly sessionId: string; readonly participantId: string }
  | { readonly role: 'public'; readonly sessionId: string };

const sessionId = z.string().min(1).max(64);

/** Events of our own beyond the core's client events. */
const bindEvents = {
  /** The host's screen (re)attaches to its session. */
  'live:host': z.strictObject({ sessionId }),
  /** A projector or any screen that shows the public view. */
  'live:watch': z.strictObject({ code: joinCodeSchema }),
} as const;

export const liveSocketEvents = { ...liveClientEvents, ...bindEvents } as const;

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export interface LiveFeatureOptions {
  readonly hub: (io: RealtimeServer) => LiveHub;
  readonly rates?: LiveRateRules;
  /** Whether the cookies hold a signed-in teacher account stored as `teacherId` (lib/auth/live-teacher.ts). */
  readonly isAccountHost?: (cookieHeader: string | undefined, teacherId: string) => Promise<boolean>;
}

/** Registers the live events with the realtime dispatcher. */
export function liveFeature(options: LiveFeatureOptions) {
  return (io: RealtimeServer): RealtimeFeature => {
    const hub = options.hub(io);
    const rates = options.rates ?? DEFAULT_LIVE_RATES;
    const limits = {
      joinSocket: new RateLimiter(rates.joinPerSocket),
      joinAddress: new RateLimiter(rates.joinPerAddress),
      answerSocket: new RateLimiter(rates.answerPerSocket),
      answerAddress: new RateLimiter(rates.answerPerAddress),
    };

    const binding = (socket: RealtimeSocket) => socket.data.live as LiveBinding | undefined;
    const bind = (socket: RealtimeSocket, b: LiveBinding) => {
      const before = binding(socket);
      if (before) void socket.leave(roomOf(before));
      socket.data.live = b;
      void socket.join(roomOf(b));
    };

    const limit = (socket: RealtimeSocket, kind: 'join' | 'answer') => {
      const bySocket = kind === 'join' ? limits.joinSocket : limits.answerSocket;
      const byAddress = kind === 'join' ? limits.joinAddress : limits.answerAddress;
      // Both buckets are charged, so a flood from one address drains that address's bucket too.
      const okSocket = bySocket.allow(socket.id);
      const okAddress = byAddress.allow(socket.handshake.address);
      if (!okSocket || !okAddress) {
        throw new ClientError(kind === 'join' ? 'Too many join attempts. Wait a few seconds and try again.' : 'Too many answers at once. Wait a moment.', 'rate_limited');
      }
    };

    const origin = (socket: RealtimeSocket, sessionIdOf: string): Origin => ({
      // Errors go back in the acknowledgement; other actor messages (joined) go as messages too.
      send: (m: ServerMessage) => {
        if (m.type !== 'error') socket.emit('live', m);
      },
      bindParticipant: (participantId) => bind(socket, { role: 'student', sessionId: sessionIdOf, participantId }),
    });

    async function handle(socket: RealtimeSocket, name: string, payload: unknown): Promise<object> {
      if (name === 'live:host') {
        const { sessionId: id } = payload as z.output<(typeof bindEvents)['live:host']>;
        const state = await hub.state(id);
        if (!state) throw new ClientError('There is no such session.', 'no_session');
        const token = readCookie(socket.request.headers.cookie, HOST_COOKIE);
        const byToken = token !== null && teacherIdFor(token) === state.teacherId;
        if (!byToken && !(await options.isAccountHost?.(socket.request.headers.cookie, state.teacherId))) {
          throw new ClientError('You are not the host of this session.', 'unauthorized');
        }
        bind(socket, { role: 'teacher', sessionId: id, teacherId: state.teacherId });
        return { view: hub.viewFor(state, { role: 'teacher' }) };
      }
      if (name === 'live:watch') {
        const { code } = payload as z.output<(typeof bindEvents)['live:watch']>;
        const id = await hub.sessionIdForCode(code);
        const state = id && (await hub.state(id));
        if (!id || !state) throw new ClientError('No running session has that code.', 'no_session');
        bind(socket, { role: 'public', sessionId: id });
        return { view: hub.viewFor(state, { role: 'public' }) };
      }

      // The core's own events: parsed again by the core's parser (same schemas) for its types.
      const parsed = parseLiveClientEvent(name, payload);
      if (!parsed.ok) throw new ClientError(parsed.error, 'invalid');
      const msg = parsed.value;
      const b = binding(socket);

      if (msg.name === 'live:join' || msg.name === 'live:rejoin') {
        limit(socket, 'join');
        const id = await hub.sessionIdForCode(msg.payload.code);
        if (!id) throw new ClientError('No running session has that code. Check the code on the teacher’s screen.', 'no_session');
        // A connection bound to this session as a player may not join again (the core refuses);
        // a rejoin is judged by its token alone, whatever the connection was bound to.
        const actor: Actor =
          msg.name === 'live:join' && b && b.sessionId === id && b.role === 'student' ? { role: 'student', participantId: b.participantId } : { role: 'guest' };
        const token = msg.name === 'live:join' ? newToken() : msg.payload.token;
        const outcome = await hub.submit(id, toLiveEvent(msg, actor, hashToken(token)), origin(socket, id));
        if (!outcome.ok) throw new ClientError(outcome.message, outcome.code);
        return { sessionId: id, participantId: outcome.joined?.participantId, nickname: outcome.joined?.nickname, token };
      }

      if (!b || b.role === 'public') throw new ClientError('Join a session first.', 'no_session');
      if (msg.name === 'live:answer') limit(socket, 'answer');
      const actor: Actor = b.role === 'teacher' ? { role: 'teacher', teacherId: b.teacherId } : { role: 'student', participantId: b.participantId };
      const outcome = await hub.submit(b.sessionId, toLiveEvent(msg, actor), origin(socket, b.sessionId));
      if (!outcome.ok) throw new ClientError(outcome.message, outcome.code);
      if (msg.name === 'live:leave') {
        void socket.leave(roomOf(b));
        socket.data.live = undefined;
      }
      return { seq: outcome.state.seq };
    }

    function disconnected(socket: RealtimeSocket, reason: string): void {
      const b = binding(socket);
      // A server that is shutting down is not the player leaving: they reconnect to the next one.
      if (!b || b.role !== 'student' || reason === 'server shutting down') return;
      // Another connection of the same player (a second tab, a reconnect seen first) keeps them online.
      if ((io.of('/').adapter.rooms.get(rooms.participant(b.sessionId, b.participantId))?.size ?? 0) > 0) return;
      hub.submit(b.sessionId, { type: 'disconnect', actor: { role: 'student', participantId: b.participantId } }).catch((error: unknown) => {
        console.error(`heapquest: live ${b.sessionId}: recording a disconnect failed:`, error);
      });
    }

    return { events: liveSocketEvents as Record<LiveClientEventName | keyof typeof bindEvents, z.ZodType>, handle, disconnected };
  };
}

function roomOf(b: LiveBinding): string {
  if (b.role === 'teacher') return rooms.teacher(b.sessionId);
  if (b.role === 'public') return rooms.public(b.sessionId);
  return rooms.participant(b.sessionId, b.participantId);
}

// Socket.io on the same HTTP server as Next.js. Every incoming message goes through one
// dispatcher: unknown event, wrong shape or unreadable packet → an `error` message (and a
// failed acknowledgement when one was asked for); the connection and the server carry on.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { PrismaClient } from '../db/client';
import { findPlayer, setNickname, type StoredPlayer } from '../db/players';
import {
  clientEvents,
  type Ack,
  type ClientEventName,
  type ClientEventPayload,
  type ClientEventResults,
  type PlayerView,
  type PresencePage,
  type ServerEvents,
} from './events';
import { joinPresence, leavePresence } from './presence';

type ServerToClient = { [E in keyof ServerEvents]: (payload: ServerEvents[E]) => void };
/** Client events are not typed here: they arrive unchecked and are parsed by `dispatch`. */
type ClientToServer = Record<string, never>;
interface SocketData {
  presencePages?: Set<PresencePage>;
}
export type RealtimeServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export interface RealtimeOptions {
  prisma: PrismaClient;
  /** Socket.io adapter factory (the Redis one when REDIS_URL is set); in-process otherwise. */
  adapter?: Parameters<RealtimeServer['adapter']>[0];
}

type Handler<E extends ClientEventName> = (
  socket: RealtimeSocket,
  payload: ClientEventPayload<E>,
) => Promise<ClientEventResults[E]>;

function playerView(player: StoredPlayer): PlayerView {
  return { id: player.id, nickname: player.nickname, createdAt: player.createdAt.toISOString() };
}

export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    adapter: options.adapter,
    // The page bundles socket.io-client itself.
    serveClient: false,
    // Every message we accept is a small JSON object.
    maxHttpBufferSize: 16 * 1024,
    // Other upgrade requests on this port belong to Next.js (hot reload in development).
    destroyUpgrade: false,
  });
  const { prisma } = options;

  const handlers: { [E in ClientEventName]: Handler<E> } = {
    'presence:join': async (socket, { page }) => ({ count: await joinPresence(io, socket, page) }),
    'player:resume': async (_socket, { playerId }) => {
      const player = await findPlayer(prisma, playerId);
      return { player: player && playerView(player) };
    },
    'nickname:set': async (_socket, { nickname, playerId }) => ({
      player: playerView(await setNickname(prisma, nickname, playerId)),
    }),
  };

  io.on('connection', (socket) => {
    socket.onAny((event: unknown, ...args: unknown[]) => {
      void dispatch(socket, handlers, event, args);
    });
    // A packet the protocol parser cannot read closes this connection inside Socket.io;
    // say why first (the message is flushed before the close).
    // (A client may also send an event named `error`; that reaches this listener too, and
    // onAny has already refused it as unknown.)
    socket.on('error', (error: unknown) => {
      if (!(error instanceof Error)) return;
      refuse(socket, null, `unreadable message (${error.message}); the connection will be closed, reconnect to continue`);
    });
    socket.on('disconnect', () => {
      leavePresence(io, socket).catch((error: unknown) => {
        console.error('heapquest: presence update after a disconnect failed:', error);
      });
    });
  });

  return io;
}

function refuse(socket: RealtimeSocket, event: string | null, message: string, ack?: (reply: Ack<never>) => void) {
  socket.emit('error', { event, message });
  ack?.({ ok: false, error: message });
}

async function dispatch(
  socket: RealtimeSocket,
  handlers: { [E in ClientEventName]: Handler<E> },
  event: unknown,
  args: unknown[],
): Promise<void> {
  const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : undefined;
  if (typeof event !== 'string' || !Object.hasOwn(clientEvents, event)) {
    const known = Object.keys(clientEvents).join(', ');
    refuse(socket, typeof event === 'string' ? event : null, `unknown event ${JSON.stringify(event)}; known events: ${known}`, ack);
    return;
  }
  const name = event as ClientEventName;
  if (args.length !== 1) {
    refuse(socket, name, `${name} takes exactly one payload object, got ${args.length} arguments`, ack);
    return;
  }
  const parsed = clientEvents[name].safeParse(args[0]);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`)
      .join('; ');
    refuse(socket, name, `${name}: ${details}`, ack);
    return;
  }
  try {
    const handler = handlers[name] as Handler<typeof name>;
    const result = await handler(socket, parsed.data as ClientEventPayload<typeof name>);
    ack?.({ ok: true, ...result });
  } catch (error) {
    // Log the cause for us; tell the client only that it failed, not our internals.
    console.error(`heapquest: ${name} failed:`, error);
    refuse(socket, name, `${name} failed on the server; try again`, ack);
  }
}

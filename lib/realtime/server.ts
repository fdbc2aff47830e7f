// Socket.io on the same HTTP server as Next.js. Every incoming message goes through one
// dispatcher: unknown event, wrong shape or unreadable packet → an `error` message (and a
// failed acknowledgement when one was asked for); the connection and the server carry on.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { z } from 'zod';
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
  /** Set by a feature (live sessions: which session and role this connection is bound to). */
  live?: unknown;
}
export type RealtimeServer = Server<ClientToServer, ServerToClient, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServer, ServerToClient, Record<string, never>, SocketData>;

export interface RealtimeOptions {
  prisma: PrismaClient;
  /** Socket.io adapter factory (the Redis one when REDIS_URL is set); in-process otherwise. */
  adapter?: Parameters<RealtimeServer['adapter']>[0];
  /** More events, validated by the same dispatcher (live sessions register theirs here). */
  features?: readonly ((io: RealtimeServer) => RealtimeFeature)[];
}

/**
 * A group of events served by the one dispatcher: each payload is parsed with its schema
 * before `handle` sees it; what `handle` returns is the acknowledgement (with ok: true).
 */
export interface RealtimeFeature {
  readonly events: Readonly<Record<string, z.ZodType>>;
  handle(socket: RealtimeSocket, event: string, payload: unknown): Promise<object>;
  disconnected?(socket: RealtimeSocket, reason: string): void;
}

/** A refusal the client should hear as it is (wrong role, rate limit, …), unlike a server fault. */
export class ClientError extends Error {
  override name = 'ClientError';
  constructor(
    message: string,
    readonly code: string = 'invalid',
  ) {
    super(message);
  }
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
  const features = (options.features ?? []).map((make) => make(io));

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
      void dispatch(socket, handlers, features, event, args);
    });
    // A packet the protocol parser cannot read closes this connection inside Socket.io;
    // say why first (the message is flushed before the close).
    // (A client may also send an event named `error`; that reaches this listener too, and
    // onAny has already refused it as unknown.)
    socket.on('error', (error: unknown) => {
      if (!(error instanceof Error)) return;
      refuse(socket, null, `unreadable message (${error.message}); the connection will be closed, reconnect to continue`);
    });
    socket.on('disconnect', (reason) => {
      for (const f of features) f.disconnected?.(socket, reason);
      leavePresence(io, socket).catch((error: unknown) => {
        console.error('heapquest: presence update after a disconnect failed:', error);
      });
    });
  });

  return io;
}

function refuse(
  socket: RealtimeSocket,
  event: string | null,
  message: string,
  ack?: (reply: Ack<never> & { code?: string }) => void,
  code?: string,
) {
  console.warn(`heapquest: refused ${event ?? '(unnamed)'} from ${socket.handshake.address} (${socket.id}): ${message}`);
  socket.emit('error', { event, message });
  ack?.(code ? { ok: false, error: message, code } : { ok: false, error: message });
}

async function dispatch(
  socket: RealtimeSocket,
  handlers: { [E in ClientEventName]: Handler<E> },
  features: readonly RealtimeFeature[],
  event: unknown,
  args: unknown[],
): Promise<void> {
  const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : undefined;
  const feature = typeof event === 'string' ? features.find((f) => Object.hasOwn(f.events, event)) : undefined;
  if (feature) {
    await dispatchFeature(socket, feature, event as string, args, ack);
    return;
  }
  if (typeof event !== 'string' || !Object.hasOwn(clientEvents, event)) {
    const known = [...Object.keys(clientEvents), ...features.flatMap((f) => Object.keys(f.events))].join(', ');
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
    refuse(socket, name, `${name}: ${issuesText(parsed.error)}`, ack);
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

function issuesText(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'payload'}: ${issue.message}`).join('; ');
}

async function dispatchFeature(
  socket: RealtimeSocket,
  feature: RealtimeFeature,
  name: string,
  args: unknown[],
  ack: ((reply: unknown) => void) | undefined,
): Promise<void> {
  if (args.length !== 1) {
    refuse(socket, name, `${name} takes exactly one payload object, got ${args.length} arguments`, ack);
    return;
  }
  const parsed = feature.events[name]!.safeParse(args[0]);
  if (!parsed.success) {
    refuse(socket, name, `${name}: ${issuesText(parsed.error)}`, ack, 'invalid');
    return;
  }
  try {
    const result = await feature.handle(socket, name, parsed.data);
    ack?.({ ok: true, ...result });
  } catch (error) {
    if (error instanceof ClientError) {
      refuse(socket, name, error.message, ack, error.code);
      return;
    }
    console.error(`heapquest: ${name} failed:`, error);
    refuse(socket, name, `${name} failed on the server; try again`, ack);
  }
}

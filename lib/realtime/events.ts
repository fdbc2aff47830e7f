// Every message a browser may send, as zod schemas, and every message the server sends back.
// The server validates at this edge and trusts the types inside; the page imports the same
// names so client and server cannot drift apart.
import { z } from 'zod';

/** Pages whose open count is shown live. */
export const PRESENCE_PAGES = ['/'] as const;
export type PresencePage = (typeof PRESENCE_PAGES)[number];

export const NICKNAME_MAX = 24;

const playerId = z.uuid({ message: 'must be a player id (uuid)' });

/** Trimmed, NFC-normalised, 1–24 characters (code points, as PostgreSQL's VARCHAR counts), no control characters. */
export const nicknameSchema = z
  .string({ message: 'must be text' })
  .transform((s) => s.normalize('NFC').trim())
  .refine((s) => [...s].length >= 1, 'must not be empty')
  .refine((s) => [...s].length <= NICKNAME_MAX, `must be at most ${NICKNAME_MAX} characters`)
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters');

export const clientEvents = {
  /** "I have this page open": counts towards its presence. */
  'presence:join': z.strictObject({ page: z.enum(PRESENCE_PAGES) }),
  /** "I was here before": the stored player for an id kept in the browser. */
  'player:resume': z.strictObject({ playerId }),
  /** Store a nickname, for an existing player (playerId) or a new one. */
  'nickname:set': z.strictObject({ nickname: nicknameSchema, playerId: playerId.optional() }),
} as const;

export type ClientEventName = keyof typeof clientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.output<(typeof clientEvents)[E]>;

export interface PlayerView {
  id: string;
  nickname: string | null;
  createdAt: string;
}

/** What each client event's acknowledgement carries when it succeeds. */
export interface ClientEventResults {
  'presence:join': { count: number };
  'player:resume': { player: PlayerView | null };
  'nickname:set': { player: PlayerView };
}

export type Ack<E extends ClientEventName> = ({ ok: true } & ClientEventResults[E]) | { ok: false; error: string };

export interface ServerEvents {
  presence: { page: PresencePage; count: number };
  /** A message was refused; `event` names it when it could be read. */
  error: { event: string | null; message: string };
  /** Live sessions: a message from the session a connection is bound to (lib/realtime/live.ts). */
  live: import('../live').ServerMessage;
}

// Everything that crosses the live session's edges:
// - client → server: what a browser may send (`liveClientEvents`, keyed by Socket.io event name,
//   in the same shape as lib/realtime/events.ts), validated here and trusted inside;
// - server-side → reducer: `LiveEvent`, a client event plus who sent it (the socket layer knows
//   that from its own authentication, never from the payload), and the server's own events
//   (create, disconnect, tick). `liveEventSchema` re-checks stored log entries before a replay;
// - server → client: `ServerMessage`.
import { z } from 'zod';
import { answerValueSchema, playlistSchema, type AnswerValue } from './questions';
import type { Progress, PublicView, RosterEntry, StudentView, TeacherView, Timing } from './views';

const id = z.string().min(1).max(64);
export const joinCodeSchema = z.string().regex(/^\d{6}$/, 'a join code is 6 digits');
/** Raw input: nickname.ts trims and judges it, so the reason for a refusal can be specific. */
const rawNickname = z.string().max(100);
const questionIndex = z.int().min(0).max(999);
const addMs = z.int().min(1_000).max(300_000);
const tokenHash = z.string().min(8).max(200);

// ---------------------------------------------------------------------------------------------
// Client → server

const empty = z.strictObject({});
export const liveClientEvents = {
  'live:join': z.strictObject({ code: joinCodeSchema, nickname: rawNickname }),
  /** The token the server handed out at join (kept by the browser); proves the identity. */
  'live:rejoin': z.strictObject({ code: joinCodeSchema, token: z.string().min(16).max(128) }),
  'live:leave': empty,
  'live:answer': z.strictObject({ questionId: id, answer: answerValueSchema }),
  // Host commands. Those that move past a question name it, so a double click or a command
  // from a tab that fell behind is refused instead of skipping two questions.
  'live:kick': z.strictObject({ participantId: id }),
  'live:lock': empty,
  'live:unlock': empty,
  'live:start': empty,
  'live:reveal': z.strictObject({ questionIndex }),
  'live:next': z.strictObject({ questionIndex }),
  'live:skip': z.strictObject({ questionIndex }),
  'live:pause': empty,
  'live:resume': empty,
  'live:addTime': z.strictObject({ ms: addMs }),
  'live:end': empty,
} as const;

export type LiveClientEventName = keyof typeof liveClientEvents;
export type LiveClientPayload<N extends LiveClientEventName> = z.output<(typeof liveClientEvents)[N]>;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** One line a person can act on: "answer.value: Invalid input: expected number, received string". */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ` : '') + i.message)
    .join('; ');
}

export function parseLiveClientEvent(
  name: string,
  payload: unknown,
): Parsed<{ [N in LiveClientEventName]: { name: N; payload: LiveClientPayload<N> } }[LiveClientEventName]> {
  if (!Object.hasOwn(liveClientEvents, name)) return { ok: false, error: `unknown event "${name.slice(0, 40)}"` };
  const schema = liveClientEvents[name as LiveClientEventName];
  const r = schema.safeParse(payload);
  if (!r.success) return { ok: false, error: `${name}: ${describeZodError(r.error)}` };
  return { ok: true, value: { name, payload: r.data } as never };
}

// ---------------------------------------------------------------------------------------------
// Into the reducer

export const actorSchema = z.discriminatedUnion('role', [
  /** The signed-in host; the reducer checks the id against the session's teacher. */
  z.strictObject({ role: z.literal('teacher'), teacherId: id }),
  /** A connection bound to a participant (after join or rejoin). */
  z.strictObject({ role: z.literal('student'), participantId: id }),
  /** A connection not (yet) in the session: may only join or rejoin. */
  z.strictObject({ role: z.literal('guest') }),
  /** The server itself: timers. */
  z.strictObject({ role: z.literal('system') }),
]);
export type Actor = z.output<typeof actorSchema>;
export type Role = Actor['role'];

const settingsSchema = z
  .strictObject({ revealWhenAllAnswered: z.boolean(), maxParticipants: z.int().min(1).max(10_000) })
  .partial();

function ev<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ type: z.literal(type), actor: actorSchema, ...shape });
}

export const liveEventSchema = z.discriminatedUnion('type', [
  ev('create', { sessionId: id, code: joinCodeSchema, playlist: playlistSchema, settings: settingsSchema.optional() }),
  ev('join', { nickname: rawNickname, tokenHash }),
  ev('rejoin', { tokenHash }),
  ev('leave', {}),
  ev('disconnect', {}),
  ev('kick', { participantId: id }),
  ev('lock', {}),
  ev('unlock', {}),
  ev('start', {}),
  ev('answer', { questionId: id, answer: answerValueSchema }),
  ev('tick', {}),
  ev('reveal', { questionIndex }),
  ev('next', { questionIndex }),
  ev('skip', { questionIndex }),
  ev('pause', {}),
  ev('resume', {}),
  ev('addTime', { ms: addMs }),
  ev('end', {}),
]);
export type LiveEvent = z.output<typeof liveEventSchema>;
export type LiveEventType = LiveEvent['type'];
export type EventOf<T extends LiveEventType> = Extract<LiveEvent, { type: T }>;

/**
 * A validated client event, with its sender, as the reducer takes it. `tokenHash` is needed for
 * join (the hash of the fresh token the server hands out) and rejoin (the hash of the token sent).
 */
export function toLiveEvent(
  msg: { [N in LiveClientEventName]: { name: N; payload: LiveClientPayload<N> } }[LiveClientEventName],
  actor: Actor,
  tokenHash?: string,
): LiveEvent {
  switch (msg.name) {
    case 'live:join':
      return { type: 'join', actor, nickname: msg.payload.nickname, tokenHash: need(tokenHash) };
    case 'live:rejoin':
      return { type: 'rejoin', actor, tokenHash: need(tokenHash) };
    default: {
      const type = msg.name.slice('live:'.length) as Exclude<LiveEventType, 'join' | 'rejoin' | 'create' | 'tick' | 'disconnect'>;
      return { type, actor, ...msg.payload } as LiveEvent;
    }
  }
}

function need(tokenHash: string | undefined): string {
  if (tokenHash === undefined) throw new Error('join and rejoin need the hash of the participant token');
  return tokenHash;
}

// ---------------------------------------------------------------------------------------------
// Server → client

export type ErrorCode =
  | 'no_session' // no session for this event (or it already exists, for create)
  | 'unauthorized' // this role may not send this
  | 'wrong_phase' // not now
  | 'stale' // meant for another question
  | 'invalid' // well-formed but not acceptable here
  | 'nickname'
  | 'locked'
  | 'full'
  | 'unknown_participant'
  | 'kicked'
  | 'already_answered'
  | 'too_late';

export type AnyView = TeacherView | StudentView | PublicView;

export type ServerMessage =
  /** The whole picture for this recipient (after joining, at every phase change). */
  | { readonly type: 'view'; readonly view: AnyView }
  /** To the connection that joined or rejoined: bind it to this participant. */
  | { readonly type: 'joined'; readonly participantId: string; readonly nickname: string; readonly rejoined: boolean }
  /** To the teacher: one participant changed (joined, left, reconnected, was removed). */
  | { readonly type: 'roster'; readonly participant: RosterEntry; readonly participants: number }
  /** To the student who answered: it was recorded (never whether it was right). */
  | { readonly type: 'answered'; readonly questionId: string; readonly answer: AnswerValue }
  /** To the teacher: how many have answered the running question. */
  | { readonly type: 'progress'; readonly questionId: string; readonly progress: Progress; readonly participantId: string | null }
  /** To everyone: the clock of the running question changed (time added). */
  | { readonly type: 'timing'; readonly questionId: string; readonly timing: Timing }
  /** To a participant the teacher removed. */
  | { readonly type: 'kicked'; readonly message: string }
  | { readonly type: 'error'; readonly event: string; readonly code: ErrorCode; readonly message: string };

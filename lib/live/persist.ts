// Rebuilding a session after a restart, or on a second server node.
//
// The event log is the truth: every accepted event is stored with its `now` and its `seq`
// (the `append` effect), and `replay` runs them through `reduce` again — the reducer is pure,
// so the same entries give the same state, mid-question included (the deadline is server
// time in the state; re-arm the timer with `pendingDeadline` and a late tick reveals at once).
// A unique (session, seq) key in the store makes a second writer with a stale state fail its
// append instead of forking the session.
//
// Snapshots (`serialize`) bound the replay: restore the latest snapshot, then replay the
// entries after its seq. A snapshot is plain JSON with its lists in a canonical order
// (participants by join order, answers by participant id), so equal states give deep-equal
// snapshots however their maps were built.
import { z } from 'zod';
import { describeZodError, liveEventSchema, type Parsed } from './events';
import type { LogEntry } from './effects';
import { nicknameKey } from './nickname';
import { PMap } from './pmap';
import { answerValueSchema, playlistSchema } from './questions';
import { reduce } from './reducer';
import {
  PHASES,
  standingsFrom,
  type AnswerRecord,
  type Participant,
  type RankedEntry,
  type Round,
  type SessionState,
} from './state';

export class ReplayError extends Error {
  override name = 'ReplayError';
}

export const logEntrySchema = z.strictObject({
  seq: z.int().min(1),
  now: z.number(),
  event: liveEventSchema,
});

export function parseLogEntry(raw: unknown): Parsed<LogEntry> {
  const r = logEntrySchema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: `log entry: ${describeZodError(r.error)}` };
}

/**
 * Runs stored entries through `reduce`, from nothing or from a restored snapshot. Entries at or
 * before `from.seq` are skipped (they are in the snapshot already); a gap, or an entry the
 * reducer now refuses, means the log and this code disagree, and stops the replay loudly
 * rather than resuming a session that differs from the one the class saw.
 */
export function replay(entries: Iterable<LogEntry>, from: SessionState | null = null): SessionState {
  let s = from;
  for (const entry of entries) {
    const expected = (s?.seq ?? 0) + 1;
    if (entry.seq < expected) continue;
    if (entry.seq > expected) throw new ReplayError(`log entry ${expected} is missing (next stored entry is ${entry.seq})`);
    const t = reduce(s, entry.event, entry.now);
    if (!t.state || t.state.seq !== entry.seq) {
      const why = t.effects.find((e) => e.type === 'log');
      throw new ReplayError(`log entry ${entry.seq} (${entry.event.type}) was not accepted on replay${why && why.type === 'log' ? `: ${why.message}` : ''}`);
    }
    s = t.state;
  }
  if (!s) throw new ReplayError('the log does not start with the session being created');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

type RoundSnapshot = Omit<Round, 'answers'> & { readonly answers: readonly AnswerRecord[] };

export type SessionSnapshot = Omit<
  SessionState,
  'participants' | 'nicknames' | 'tokens' | 'round' | 'history' | 'standings'
> & {
  readonly participants: readonly Participant[];
  readonly round: RoundSnapshot | null;
  readonly history: readonly RoundSnapshot[];
  readonly standings: readonly RankedEntry[];
};

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function roundSnapshot(r: Round): RoundSnapshot {
  return { ...r, answers: r.answers.values().sort(byKey((a) => a.participantId)) };
}

/** Plain JSON with lists in a canonical order; the nickname and token indexes are rebuilt on restore. */
export function serialize(s: SessionState): SessionSnapshot {
  const { nicknames: _n, tokens: _t, ...rest } = s;
  return {
    ...rest,
    participants: s.participants.values().sort((a, b) => a.seq - b.seq),
    round: s.round && roundSnapshot(s.round),
    history: s.history.map(roundSnapshot),
    standings: s.standings.entries,
  };
}

const id = z.string().min(1);
const count = z.int().min(0);
const lastResultSchema = z.strictObject({ questionIndex: count, answered: z.boolean(), correct: z.boolean(), points: count });
const participantSchema = z.strictObject({
  id,
  seq: z.int().min(1),
  nickname: z.string().min(1),
  tokenHash: z.string().min(1),
  joinedAt: z.number(),
  presence: z.enum(['online', 'offline', 'left']),
  kicked: z.boolean(),
  score: count,
  streak: count,
  correctCount: count,
  answerMs: z.number().min(0),
  lastResult: lastResultSchema.nullable(),
});
const answerRecordSchema = z.strictObject({
  participantId: id,
  answer: answerValueSchema,
  at: z.number(),
  elapsedMs: z.number(),
  correct: z.boolean(),
  credit: z.number().min(0).max(1),
  points: count,
});
const bar = <S extends z.ZodType>(value: S) => z.strictObject({ value, count });
const spreadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), values: z.array(bar(z.number())), other: count }),
  z.strictObject({ kind: z.literal('yesno'), yes: count, no: count }),
  z.strictObject({ kind: z.literal('pick'), picks: z.array(z.strictObject({ id, count })), exact: count }),
  z.strictObject({ kind: z.literal('order'), sequences: z.array(bar(z.array(z.string()))), other: count }),
  z.strictObject({ kind: z.literal('version'), picks: z.array(z.strictObject({ version: z.string(), count })) }),
]);
const roundSchema = z.strictObject({
  index: count,
  questionId: id,
  status: z.enum(['open', 'revealed', 'skipped']),
  openedAt: z.number(),
  limitMs: count,
  addedMs: count,
  deadline: z.number(),
  pausedRemainingMs: z.number().nullable(),
  answers: z.array(answerRecordSchema),
  answeredActive: count,
  outcome: z
    .strictObject({ revealedAt: z.number(), answered: count, correct: count, eligible: count, spread: spreadSchema })
    .nullable(),
});
export const snapshotSchema = z.strictObject({
  format: z.literal(1),
  id,
  code: z.string().regex(/^\d{6}$/),
  teacherId: id,
  createdAt: z.number(),
  settings: z.strictObject({ revealWhenAllAnswered: z.boolean(), maxParticipants: z.int().min(1) }),
  seq: z.int().min(1),
  clock: z.number(),
  phase: z.enum(PHASES as [string, ...string[]]),
  locked: z.boolean(),
  playlist: playlistSchema,
  current: z.int().min(-1),
  round: roundSchema.nullable(),
  history: z.array(roundSchema),
  participants: z.array(participantSchema),
  nextSeq: z.int().min(1),
  active: count,
  standings: z.array(z.strictObject({ participantId: id, rank: z.int().min(1) })),
  endedAt: z.number().nullable(),
});

function restoreRound(r: RoundSnapshot): Round {
  return { ...r, answers: PMap.from(r.answers.map((a) => [a.participantId, a] as const)) };
}

/** Checks the snapshot's shape and rebuilds the maps; throws ReplayError naming the bad field. */
export function deserialize(raw: unknown): SessionState {
  const r = snapshotSchema.safeParse(raw);
  if (!r.success) throw new ReplayError(`snapshot: ${describeZodError(r.error)}`);
  const snap = r.data as unknown as SessionSnapshot;
  let participants = PMap.empty<Participant>();
  let nicknames = PMap.empty<string>();
  let tokens = PMap.empty<string>();
  for (const p of snap.participants) {
    participants = participants.set(p.id, p);
    tokens = tokens.set(p.tokenHash, p.id);
    if (!p.kicked) nicknames = nicknames.set(nicknameKey(p.nickname), p.id);
  }
  return {
    ...snap,
    participants,
    nicknames,
    tokens,
    round: snap.round && restoreRound(snap.round),
    history: snap.history.map(restoreRound),
    standings: standingsFrom(snap.standings),
  };
}

// The state of one live class session: everything the server knows, secrets included.
//
// It is only ever changed by reducer.ts and only ever shown through views.ts. Tables that grow
// with the class (participants, answers) are persistent maps (pmap.ts) so one event costs
// O(log N), not a copy of the class; old states stay valid.
import type { AnswerValue, LiveQuestion } from './questions';
import { PMap } from './pmap';

export type Phase = 'lobby' | 'question' | 'paused' | 'reveal' | 'podium' | 'ended';
export const PHASES: readonly Phase[] = ['lobby', 'question', 'paused', 'reveal', 'podium', 'ended'];

/** online: a connection is bound; offline: the connection dropped (may come back); left: said goodbye. */
export type Presence = 'online' | 'offline' | 'left';

export interface Settings {
  /** Reveal as soon as every participant still in the session has answered, not only at the deadline. */
  readonly revealWhenAllAnswered: boolean;
  readonly maxParticipants: number;
}
export const DEFAULT_SETTINGS: Settings = { revealWhenAllAnswered: true, maxParticipants: 2_000 };

/** How the participant did on the last question that was revealed while they were in the session. */
export interface LastResult {
  readonly questionIndex: number;
  readonly answered: boolean;
  readonly correct: boolean;
  readonly points: number;
}

export interface Participant {
  /** `p1`, `p2`, … in join order: assigned by the reducer, public (leaderboards use it). */
  readonly id: string;
  readonly seq: number;
  readonly nickname: string;
  /** The secret a returning student proves who they are with, as the caller hashed it. */
  readonly tokenHash: string;
  readonly joinedAt: number;
  readonly presence: Presence;
  readonly kicked: boolean;
  readonly score: number;
  readonly streak: number;
  readonly correctCount: number;
  /** Running time spent on correct answers: the display tie-break within equal scores. */
  readonly answerMs: number;
  readonly lastResult: LastResult | null;
}

export interface AnswerRecord {
  readonly participantId: string;
  readonly answer: AnswerValue;
  readonly at: number;
  /** Running time since the question opened, pauses excluded. */
  readonly elapsedMs: number;
  readonly correct: boolean;
  readonly credit: number;
  /** Worked out when the answer arrives (the streak cannot change mid-question); added to the score at the reveal. */
  readonly points: number;
}

export type Spread =
  | { readonly kind: 'number'; readonly values: readonly { readonly value: number; readonly count: number }[]; readonly other: number }
  | { readonly kind: 'yesno'; readonly yes: number; readonly no: number }
  | { readonly kind: 'pick'; readonly picks: readonly { readonly id: string; readonly count: number }[]; readonly exact: number }
  | { readonly kind: 'order'; readonly sequences: readonly { readonly value: readonly string[]; readonly count: number }[]; readonly other: number }
  | { readonly kind: 'version'; readonly picks: readonly { readonly version: string; readonly count: number }[] };

export interface Outcome {
  readonly revealedAt: number;
  readonly answered: number;
  readonly correct: number;
  /** Participants still in the session when the answers were revealed. */
  readonly eligible: number;
  readonly spread: Spread;
}

export type RoundStatus = 'open' | 'revealed' | 'skipped';

/** One question as it was played. */
export interface Round {
  readonly index: number;
  readonly questionId: string;
  readonly status: RoundStatus;
  readonly openedAt: number;
  readonly limitMs: number;
  readonly addedMs: number;
  /** Server time the answers close; meaningful in the 'question' phase. */
  readonly deadline: number;
  /** Time left when paused; null while running. */
  readonly pausedRemainingMs: number | null;
  readonly answers: PMap<AnswerRecord>;
  /** Answers from participants who are still in the session (for "everyone answered"). */
  readonly answeredActive: number;
  readonly outcome: Outcome | null;
}

export interface RankedEntry {
  readonly participantId: string;
  readonly rank: number;
}

/**
 * Ranks as of the last reveal (or kick): worked out once per question so a student's view can
 * show their rank in O(1). Students who joined since have no rank yet.
 */
export interface Standings {
  readonly entries: readonly RankedEntry[];
  readonly position: ReadonlyMap<string, number>;
}

export interface SessionState {
  readonly format: 1;
  readonly id: string;
  /** 6 digits, chosen by the caller (the core has no randomness); dead once the session ends. */
  readonly code: string;
  readonly teacherId: string;
  readonly createdAt: number;
  readonly settings: Settings;
  /** Accepted events so far: the log position (boardgame.io's stateID). A writer whose append at seq fails is stale. */
  readonly seq: number;
  /** The latest time seen; time never runs backwards inside a session, whichever node's clock says so. */
  readonly clock: number;
  readonly phase: Phase;
  readonly locked: boolean;
  readonly playlist: readonly LiveQuestion[];
  /** Index of the current question; -1 in the lobby. */
  readonly current: number;
  /** The current question's round; null in the lobby and after the last question. */
  readonly round: Round | null;
  /** Rounds that are over (revealed or skipped), in order. */
  readonly history: readonly Round[];
  readonly participants: PMap<Participant>;
  /** nicknameKey → participant id, for participants not kicked. */
  readonly nicknames: PMap<string>;
  /** tokenHash → participant id. */
  readonly tokens: PMap<string>;
  readonly nextSeq: number;
  /** Participants neither kicked nor left: whom a question waits for. */
  readonly active: number;
  readonly standings: Standings;
  readonly endedAt: number | null;
}

export const EMPTY_STANDINGS: Standings = { entries: [], position: new Map() };

export function standingsFrom(entries: readonly RankedEntry[]): Standings {
  const position = new Map<string, number>();
  entries.forEach((e, i) => position.set(e.participantId, i));
  return { entries, position };
}

export const isActive = (p: Participant): boolean => !p.kicked && p.presence !== 'left';

export const currentQuestion = (s: SessionState): LiveQuestion | null =>
  s.round ? (s.playlist[s.round.index] ?? null) : null;

/** When the reducer wants a `tick`: the running question's deadline. Re-arm this after a restart. */
export function pendingDeadline(s: SessionState): number | null {
  return s.phase === 'question' && s.round ? s.round.deadline : null;
}

export function remainingMs(round: Round, phase: Phase, now: number): number {
  if (phase === 'paused') return round.pausedRemainingMs ?? 0;
  if (phase === 'question') return Math.max(0, round.deadline - now);
  return 0;
}

export function rankOf(s: SessionState, participantId: string): number | null {
  const i = s.standings.position.get(participantId);
  return i === undefined ? null : s.standings.entries[i]!.rank;
}

// One play of one level, as a pure state machine: `(state, event, now) → state`.
// The server stores the state and feeds it events; whether an answer is right is decided
// before the event is built (answer-key.ts `isCorrect`), so this module never sees a key.
//
// A checkpoint is *open* until it is revealed: answered right, out of attempts, or given up.
// Revealing moves the play to the next checkpoint; revealing the last one finishes it.

import type { QuestionKind } from '../levels/schema';
import { scoreLevel, type CheckpointResult, type LevelScore } from '../levels/scoring';

/**
 * Answers a checkpoint allows before its key is shown. A yes/no question gets one: a second
 * try with one option left is not a prediction.
 */
export const ATTEMPTS_ALLOWED: Readonly<Record<QuestionKind, number>> = {
  number: 2,
  yesno: 1,
  pick: 2,
  order: 2,
  version: 2,
};

/**
 * Longest gap between two actions that counts as playing. A player who leaves the tab for an
 * hour, or resumes tomorrow, is not charged for the time away.
 */
export const IDLE_CAP_MS = 3 * 60_000;

export interface CheckpointState extends CheckpointResult {
  /** The key has been shown (right answer, no attempts left, or given up). */
  readonly revealed: boolean;
}

export interface PlayState {
  /** Index of the open checkpoint; equals the checkpoint count once the play is finished. */
  readonly checkpoint: number;
  readonly results: readonly CheckpointState[];
  /** Time spent playing, gaps capped at IDLE_CAP_MS. */
  readonly activeMs: number;
  /** Epoch ms of the last action. */
  readonly lastSeenAt: number;
}

export type PlayEvent =
  /** The page was opened (start or resume): the clock restarts without charging the gap. */
  | { readonly type: 'resume' }
  | { readonly type: 'hint'; readonly checkpoint: number }
  | { readonly type: 'answer'; readonly checkpoint: number; readonly correct: boolean; readonly attemptsAllowed: number }
  /** Give up on the open checkpoint after a wrong answer: show the key, no points. */
  | { readonly type: 'reveal'; readonly checkpoint: number };

export type PlayRejection =
  /** The event names a checkpoint that is not the open one (a double submit, an old tab). */
  | 'stale'
  /** The play is over. */
  | 'finished'
  /** Giving up before trying is not allowed: a prediction comes first. */
  | 'not-attempted';

export type PlayTransition =
  | { readonly ok: true; readonly state: PlayState; /** The checkpoint this event revealed, if any. */ readonly revealed: number | null }
  | { readonly ok: false; readonly reason: PlayRejection };

export function newPlay(checkpoints: number, now: number): PlayState {
  if (!Number.isInteger(checkpoints) || checkpoints < 1) throw new RangeError(`a play needs at least one checkpoint, got ${checkpoints}`);
  return {
    checkpoint: 0,
    results: Array.from({ length: checkpoints }, () => ({ attempts: 0, solved: false, hintUsed: false, revealed: false })),
    activeMs: 0,
    lastSeenAt: now,
  };
}

export function isFinished(state: PlayState): boolean {
  return state.checkpoint >= state.results.length;
}

function tick(state: PlayState, now: number): Pick<PlayState, 'activeMs' | 'lastSeenAt'> {
  const gap = Math.max(0, now - state.lastSeenAt);
  return { activeMs: state.activeMs + Math.min(gap, IDLE_CAP_MS), lastSeenAt: Math.max(now, state.lastSeenAt) };
}

function withResult(state: PlayState, index: number, result: CheckpointState, now: number): PlayState {
  const results = state.results.map((r, i) => (i === index ? result : r));
  return { ...state, ...tick(state, now), results, checkpoint: result.revealed ? index + 1 : state.checkpoint };
}

export function applyPlayEvent(state: PlayState, event: PlayEvent, now: number): PlayTransition {
  if (event.type === 'resume') return { ok: true, state: { ...state, lastSeenAt: Math.max(now, state.lastSeenAt) }, revealed: null };
  if (isFinished(state)) return { ok: false, reason: 'finished' };
  if (event.checkpoint !== state.checkpoint) return { ok: false, reason: 'stale' };
  const index = state.checkpoint;
  const current = state.results[index]!;

  switch (event.type) {
    case 'hint':
      return { ok: true, state: withResult(state, index, { ...current, hintUsed: true }, now), revealed: null };
    case 'answer': {
      const attempts = current.attempts + 1;
      const revealed = event.correct || attempts >= event.attemptsAllowed;
      const next = withResult(state, index, { ...current, attempts, solved: event.correct, revealed }, now);
      return { ok: true, state: next, revealed: revealed ? index : null };
    }
    case 'reveal':
      if (current.attempts === 0) return { ok: false, reason: 'not-attempted' };
      return { ok: true, state: withResult(state, index, { ...current, revealed: true }, now), revealed: index };
  }
}

/** The score of a finished play (lib/levels/scoring), or null while it is still going. */
export function scorePlay(state: PlayState, difficulty: number): LevelScore | null {
  if (!isFinished(state)) return null;
  return scoreLevel({
    difficulty,
    checkpoints: state.results.map(({ attempts, solved, hintUsed }) => ({ attempts, solved, hintUsed })),
    elapsedMs: state.activeMs,
  });
}

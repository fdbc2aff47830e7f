import { describe, expect, it } from 'vitest';
import { POINTS_FIRST_TRY, POINTS_LATER, HINT_COST } from '../levels/scoring';
import { applyPlayEvent, IDLE_CAP_MS, isFinished, newPlay, scorePlay, type PlayEvent, type PlayState } from './play';

const T0 = 1_700_000_000_000;

function run(state: PlayState, events: readonly [PlayEvent, number][]): PlayState {
  for (const [event, now] of events) {
    const t = applyPlayEvent(state, event, now);
    if (!t.ok) throw new Error(`rejected ${JSON.stringify(event)}: ${t.reason}`);
    state = t.state;
  }
  return state;
}

const answer = (checkpoint: number, correct: boolean, attemptsAllowed = 2): PlayEvent => ({ type: 'answer', checkpoint, correct, attemptsAllowed });

describe('a play', () => {
  it('moves to the next checkpoint when an answer is right, and finishes after the last', () => {
    const s = run(newPlay(2, T0), [
      [answer(0, true), T0 + 5_000],
      [answer(1, true), T0 + 9_000],
    ]);
    expect(isFinished(s)).toBe(true);
    expect(s.results.map((r) => [r.attempts, r.solved, r.revealed])).toEqual([
      [1, true, true],
      [1, true, true],
    ]);
    expect(s.activeMs).toBe(9_000);
    expect(scorePlay(s, 1)).toMatchObject({ stars: 3, accuracy: 2 * POINTS_FIRST_TRY, passed: true });
  });

  it('keeps a checkpoint open after a wrong answer while attempts remain, then reveals it', () => {
    let s = run(newPlay(1, T0), [[answer(0, false), T0 + 1]]);
    expect(s.checkpoint).toBe(0);
    expect(s.results[0]).toMatchObject({ attempts: 1, solved: false, revealed: false });
    const t = applyPlayEvent(s, answer(0, true), T0 + 2);
    expect(t).toMatchObject({ ok: true, revealed: 0 });
    s = (t as { state: PlayState }).state;
    expect(s.results[0]).toMatchObject({ attempts: 2, solved: true, revealed: true });
    expect(scorePlay(s, 1)!.accuracy).toBe(POINTS_LATER);
  });

  it('reveals when the attempts run out, unsolved', () => {
    const s = run(newPlay(2, T0), [[answer(0, false, 1), T0 + 1]]);
    expect(s.checkpoint).toBe(1);
    expect(s.results[0]).toMatchObject({ attempts: 1, solved: false, revealed: true });
  });

  it('lets a player give up only after trying', () => {
    const fresh = newPlay(1, T0);
    expect(applyPlayEvent(fresh, { type: 'reveal', checkpoint: 0 }, T0)).toEqual({ ok: false, reason: 'not-attempted' });
    const s = run(fresh, [
      [answer(0, false), T0 + 1],
      [{ type: 'reveal', checkpoint: 0 }, T0 + 2],
    ]);
    expect(isFinished(s)).toBe(true);
    expect(scorePlay(s, 1)).toMatchObject({ accuracy: 0, stars: 0, passed: false });
  });

  it('charges a hint on the open checkpoint', () => {
    const s = run(newPlay(1, T0), [
      [{ type: 'hint', checkpoint: 0 }, T0 + 1],
      [answer(0, true), T0 + 2],
    ]);
    expect(s.results[0]!.hintUsed).toBe(true);
    expect(scorePlay(s, 1)).toMatchObject({ accuracy: POINTS_FIRST_TRY - HINT_COST, hintsUsed: 1, stars: 2 });
  });

  it('rejects events for any checkpoint but the open one, and everything once finished', () => {
    const s = run(newPlay(2, T0), [[answer(0, true), T0 + 1]]);
    expect(applyPlayEvent(s, answer(0, true), T0 + 2)).toEqual({ ok: false, reason: 'stale' });
    expect(applyPlayEvent(s, { type: 'hint', checkpoint: 0 }, T0 + 2)).toEqual({ ok: false, reason: 'stale' });
    const done = run(s, [[answer(1, false, 1), T0 + 3]]);
    expect(applyPlayEvent(done, answer(1, true), T0 + 4)).toEqual({ ok: false, reason: 'finished' });
  });

  it('does not charge time away: gaps are capped, and resuming restarts the clock', () => {
    const s = run(newPlay(2, T0), [
      [answer(0, true), T0 + 10 * IDLE_CAP_MS],
      [{ type: 'resume' }, T0 + 100 * IDLE_CAP_MS],
      [answer(1, true), T0 + 100 * IDLE_CAP_MS + 4_000],
    ]);
    expect(s.activeMs).toBe(IDLE_CAP_MS + 4_000);
  });

  it('never counts time backwards when a clock steps back', () => {
    const s = run(newPlay(1, T0), [[answer(0, true), T0 - 50_000]]);
    expect(s.activeMs).toBe(0);
    expect(s.lastSeenAt).toBe(T0);
  });

  it('has no score until it is finished', () => {
    expect(scorePlay(newPlay(3, T0), 2)).toBeNull();
  });
});

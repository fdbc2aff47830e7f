// The player view over every shipped level: while a checkpoint is open, nothing of its key,
// explanation, hint or the trace past its pause leaves the server.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import { runLevel } from '../levels/run';
import { LEVELS_ROOT, loadLevelFiles } from '../levels/load-fs';
import { applyPlayEvent, newPlay, type PlayState } from './play';
import { playView } from './view';

const runs = loadLevelFiles(LEVELS_ROOT).map(({ fileName, level }) => ({ fileName, run: runLevel(level, runProgram, fileName) }));

function step(state: PlayState, event: Parameters<typeof applyPlayEvent>[1]): PlayState {
  const t = applyPlayEvent(state, event, state.lastSeenAt + 1_000);
  if (!t.ok) throw new Error(t.reason);
  return t.state;
}

describe.each(runs)('$fileName', ({ run }) => {
  it('shows each question without its key, and the key only once it is revealed', () => {
    let state = newPlay(run.level.checkpoints.length, 0);
    for (let i = 0; i < run.level.checkpoints.length; i++) {
      const view = playView(run, 'p', state, null);
      // Earlier reveals may say the same words (two checkpoints can share an explanation): look past them.
      const json = JSON.stringify({ ...view, reveals: [] });
      const key = run.key.checkpoints[i]!;
      expect(view.checkpoint).toBe(i);
      expect(view.questions.map((q) => q.index)).toEqual([...Array(i + 1).keys()]);
      expect(view.reveals.map((r) => r.index)).toEqual([...Array(i).keys()]);
      expect(view.steps).toHaveLength(run.stops[i]!.pause + 1);
      expect(view.stops[i]!.windowEnd).toBeNull();
      expect(view.hints[i]).toBeNull();
      expect(json).not.toContain(JSON.stringify(key.explanation));
      if (key.answer.kind === 'pick') expect(json).not.toContain('"ids"');

      state = step(state, { type: 'hint', checkpoint: i });
      expect(playView(run, 'p', state, null).hints[i]).toBe(run.level.checkpoints[i]!.question.hint);
      state = step(state, { type: 'answer', checkpoint: i, correct: true, attemptsAllowed: 2 });
      const after = playView(run, 'p', state, null);
      expect(after.reveals[i]).toEqual({ index: i, answer: key.answer, explanation: key.explanation });
      expect(after.stops[i]!.windowEnd).toBe(run.stops[i]!.windowEnd);
      expect(after.steps.length).toBeGreaterThan(run.stops[i]!.windowEnd);
    }
    const done = playView(run, 'p', state, null);
    expect(done.finished).toBe(true);
    expect(done.steps).toHaveLength(run.steps.length);
  });
});

describe('question views', () => {
  it('offers an order question its items sorted, whatever the key says', () => {
    const { run } = runs.find((r) => r.run.level.checkpoints.some((c) => c.question.kind === 'order'))!;
    const i = run.level.checkpoints.findIndex((c) => c.question.kind === 'order');
    let state = newPlay(run.level.checkpoints.length, 0);
    for (let j = 0; j < i; j++) state = step(state, { type: 'answer', checkpoint: j, correct: true, attemptsAllowed: 1 });
    const q = playView(run, 'p', state, null).questions[i]!;
    const key = run.key.checkpoints[i]!.answer;
    if (key.kind !== 'order') throw new Error('expected an order key');
    expect(q.items).toEqual([...key.items].sort());
  });
});

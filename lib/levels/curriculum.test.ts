import { describe, expect, it } from 'vitest';
import { buildCurriculum, isLevelUnlocked, nextLevel, topicProgress } from './curriculum';
import type { Level } from './schema';

function level(id: string, topic: Level['topic'], order: number): Level {
  return { id, topic, order, title: id, difficulty: 1, profile: '3.12', intro: 'x', program: 'x = 1\n', checkpoints: [] };
}

// Deliberately shuffled: the curriculum orders topics by teaching order and levels by `order`.
const levels = [level('gc-b', 'gc', 2), level('obj-b', 'objects', 2), level('gc-a', 'gc', 1), level('obj-a', 'objects', 1), level('ref-a', 'refcount', 1)];
const curriculum = buildCurriculum(levels);

describe('curriculum', () => {
  it('orders topics by teaching order and levels by order, leaving out empty topics', () => {
    expect(curriculum.map((t) => [t.id, t.levels.map((l) => l.id)])).toEqual([
      ['objects', ['obj-a', 'obj-b']],
      ['refcount', ['ref-a']],
      ['gc', ['gc-a', 'gc-b']],
    ]);
  });

  it('opens only the first topic at the start', () => {
    expect(topicProgress(curriculum, new Set()).map((t) => t.unlocked)).toEqual([true, false, false]);
    expect(isLevelUnlocked(curriculum, 'obj-b', new Set())).toBe(true);
    expect(isLevelUnlocked(curriculum, 'ref-a', new Set())).toBe(false);
    expect(isLevelUnlocked(curriculum, 'no-such-level', new Set())).toBe(false);
    expect(nextLevel(curriculum, new Set())?.id).toBe('obj-a');
  });

  it('opens the next topic only when every level of the previous one is passed', () => {
    expect(topicProgress(curriculum, new Set(['obj-a'])).map((t) => t.unlocked)).toEqual([true, false, false]);
    const progress = topicProgress(curriculum, new Set(['obj-a', 'obj-b']));
    expect(progress[0]).toEqual({ id: 'objects', unlocked: true, passed: true, levelsPassed: 2, levelsTotal: 2 });
    expect(progress.map((t) => t.unlocked)).toEqual([true, true, false]);
    expect(nextLevel(curriculum, new Set(['obj-a', 'obj-b']))?.id).toBe('ref-a');
  });

  it('does not open a topic behind a locked one, even if its levels were passed', () => {
    const passed = new Set(['obj-a', 'gc-a', 'gc-b']);
    expect(topicProgress(curriculum, passed).map((t) => [t.unlocked, t.passed])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect(nextLevel(curriculum, passed)?.id).toBe('obj-b');
  });

  it('has no next level once everything is passed', () => {
    expect(nextLevel(curriculum, new Set(levels.map((l) => l.id)))).toBeNull();
  });
});

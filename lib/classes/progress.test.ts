import { describe, expect, it } from 'vitest';
import type { Curriculum } from '../levels/curriculum';
import type { Level } from '../levels/schema';
import { hardestLevels, isStuck, streak, topicMastery, type LevelRow } from './progress';

const level = (id: string, topic: Level['topic']) => ({ id, topic, title: id }) as unknown as Level;
const curriculum: Curriculum = [
  { id: 'objects', title: 'Objects', blurb: '', levels: [level('o1', 'objects'), level('o2', 'objects')] },
  { id: 'refcount', title: 'Counting', blurb: '', levels: [level('r1', 'refcount'), level('r2', 'refcount'), level('r3', 'refcount')] },
  { id: 'gc', title: 'GC', blurb: '', levels: [level('g1', 'gc')] },
];

const row = (levelId: string, over: Partial<LevelRow> = {}): LevelRow => ({
  levelId,
  attempts: 1,
  completions: 1,
  bestScore: 200,
  stars: 3,
  passed: true,
  hintsUsed: 0,
  timeSpentMs: 10_000,
  lastPlayedAt: new Date(0),
  ...over,
});

describe('topic mastery', () => {
  it('tells mastered, stuck, started and untouched topics apart', () => {
    const m = topicMastery(curriculum, [
      row('o1'),
      row('o2', { stars: 2 }),
      row('r1', { stars: 1 }),
      row('r2', { passed: false, stars: 0, attempts: 3, completions: 0 }),
    ]);
    expect(m.map((t) => [t.topic, t.status, t.passed, t.stuckOn])).toEqual([
      ['objects', 'mastered', 2, null],
      ['refcount', 'stuck', 1, 'r2'],
      ['gc', 'not-started', 0, null],
    ]);
    expect(m[0]!.mastery).toBeCloseTo(5 / 6);
    expect(m[1]!.mastery).toBeCloseTo(1 / 9);
  });

  it('calls a topic passed but not mastered when every level passed on few stars', () => {
    const [objects] = topicMastery(curriculum, [row('o1', { stars: 1 }), row('o2', { stars: 1 })]);
    expect(objects!.status).toBe('passed');
  });

  it('does not call one unfinished play stuck', () => {
    expect(isStuck(row('x', { passed: false, attempts: 1, completions: 0 }))).toBe(false);
    expect(isStuck(row('x', { passed: false, attempts: 1, completions: 1 }))).toBe(true);
  });
});

describe('streak', () => {
  it('counts consecutive days up to today or yesterday', () => {
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-24', '2026-11-25', '2026-11-25'];
    expect(streak(days, '2026-11-25')).toEqual({ current: 2, longest: 3, lastDay: '2026-11-25' });
    expect(streak(days, '2026-11-26')).toMatchObject({ current: 2 });
    expect(streak(days, '2026-11-27')).toMatchObject({ current: 0, longest: 3 });
    expect(streak([], '2026-11-27')).toEqual({ current: 0, longest: 0, lastDay: null });
  });

  it('crosses month and year ends', () => {
    expect(streak(['2026-12-30', '2026-12-31', '2027-01-01'], '2027-01-01').current).toBe(3);
  });
});

describe('hardest levels', () => {
  it('puts the lowest first-try rate first, then the lowest pass rate', () => {
    const rows = [row('a'), row('a', { passed: false }), row('b'), row('b'), row('c', { passed: false }), row('c', { passed: false })];
    const firstTries = [
      { levelId: 'a', answered: 4, firstTryRight: 1 },
      { levelId: 'b', answered: 4, firstTryRight: 1 },
      { levelId: 'c', answered: 4, firstTryRight: 3 },
    ];
    expect(hardestLevels(rows, firstTries).map((l) => [l.levelId, l.firstTryRate, l.passed])).toEqual([
      ['a', 0.25, 1],
      ['b', 0.25, 2],
      ['c', 0.75, 0],
    ]);
    expect(hardestLevels(rows, firstTries, 1)).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { type CheckpointResult, isBetterScore, parMs, scoreLevel } from './scoring';

const right: CheckpointResult = { attempts: 1, solved: true, hintUsed: false };
const second: CheckpointResult = { attempts: 2, solved: true, hintUsed: false };
const hinted: CheckpointResult = { attempts: 1, solved: true, hintUsed: true };
const failed: CheckpointResult = { attempts: 3, solved: false, hintUsed: true };

describe('scoreLevel', () => {
  it('gives full marks, full time bonus and three stars to a fast perfect play', () => {
    const s = scoreLevel({ difficulty: 1, checkpoints: [right, right, right], elapsedMs: 30_000 });
    expect(s).toEqual({ score: 360, maxScore: 360, accuracy: 300, timeBonus: 60, firstTry: 3, hintsUsed: 0, stars: 3, passed: true });
  });

  it('charges a hint but never below zero, and a hint costs the third star', () => {
    const s = scoreLevel({ difficulty: 1, checkpoints: [right, hinted], elapsedMs: 0 });
    expect(s.accuracy).toBe(100 + 75);
    expect(s.stars).toBe(2);
    const late = scoreLevel({ difficulty: 1, checkpoints: [{ attempts: 4, solved: true, hintUsed: true }], elapsedMs: 0 });
    expect(late.accuracy).toBe(15);
  });

  it('stars: two when at least half were right first time, one when half were solved at all, zero below that', () => {
    expect(scoreLevel({ difficulty: 2, checkpoints: [right, second, second], elapsedMs: 0 }).stars).toBe(1);
    expect(scoreLevel({ difficulty: 2, checkpoints: [right, right, second], elapsedMs: 0 }).stars).toBe(2);
    expect(scoreLevel({ difficulty: 2, checkpoints: [right, failed, failed], elapsedMs: 0 })).toMatchObject({ stars: 0, passed: false });
    expect(scoreLevel({ difficulty: 2, checkpoints: [second, failed], elapsedMs: 0 })).toMatchObject({ stars: 1, passed: true });
  });

  it('shrinks the time bonus linearly from par to three times par, and time never costs stars', () => {
    const par = parMs(3, 2);
    expect(par).toBe(40_000 * 2 * 1.5);
    const at = (elapsedMs: number) => scoreLevel({ difficulty: 3, checkpoints: [right, right], elapsedMs });
    expect(at(par).timeBonus).toBe(40);
    expect(at(2 * par).timeBonus).toBe(20);
    expect(at(3 * par).timeBonus).toBe(0);
    expect(at(10 * par)).toMatchObject({ timeBonus: 0, score: 200, stars: 3 });
  });

  it('refuses impossible plays', () => {
    expect(() => scoreLevel({ difficulty: 1, checkpoints: [], elapsedMs: 0 })).toThrow(/at least one/);
    expect(() => scoreLevel({ difficulty: 1, checkpoints: [right], elapsedMs: -1 })).toThrow(/elapsedMs/);
    expect(() => scoreLevel({ difficulty: 6, checkpoints: [right], elapsedMs: 0 })).toThrow(/difficulty/);
    expect(() => scoreLevel({ difficulty: 1, checkpoints: [{ attempts: 0, solved: true, hintUsed: false }], elapsedMs: 0 })).toThrow(/no attempt/);
  });
});

describe('isBetterScore', () => {
  it('keeps more stars first, then more points', () => {
    const fastTwoStars = scoreLevel({ difficulty: 1, checkpoints: [right, second], elapsedMs: 0 });
    const slowThreeStars = scoreLevel({ difficulty: 1, checkpoints: [right, right], elapsedMs: 1e9 });
    expect(slowThreeStars.score).toBeLessThan(fastTwoStars.score + 100);
    expect(isBetterScore(slowThreeStars, fastTwoStars)).toBe(true);
    expect(isBetterScore(fastTwoStars, slowThreeStars)).toBe(false);
    const fastThreeStars = scoreLevel({ difficulty: 1, checkpoints: [right, right], elapsedMs: 0 });
    expect(isBetterScore(fastThreeStars, slowThreeStars)).toBe(true);
    expect(isBetterScore(slowThreeStars, slowThreeStars)).toBe(false);
    expect(isBetterScore(slowThreeStars, null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pointsFor, rankByScore, SCORING, streakAfter } from './scoring';

const facts = { correct: true, credit: 1, elapsedMs: 0, timeLimitMs: 20_000, streakBefore: 0 };

describe('pointsFor', () => {
  it('gives base plus a linear speed bonus for a correct answer', () => {
    expect(pointsFor({ ...facts, elapsedMs: 0 })).toBe(1000);
    expect(pointsFor({ ...facts, elapsedMs: 5_000 })).toBe(875);
    expect(pointsFor({ ...facts, elapsedMs: 10_000 })).toBe(750);
    expect(pointsFor({ ...facts, elapsedMs: 20_000 })).toBe(500);
    // Answered in time the teacher added: no speed bonus, never below base.
    expect(pointsFor({ ...facts, elapsedMs: 35_000 })).toBe(500);
  });

  it('adds 100 per answer of streak before this one, capped at +500', () => {
    expect([0, 1, 2, 5, 6, 40].map((streakBefore) => pointsFor({ ...facts, elapsedMs: 20_000, streakBefore }))).toEqual([
      500, 600, 700, 1000, 1000, 1000,
    ]);
  });

  it('gives partial pick credit without bonuses, and nothing for wrong answers', () => {
    expect(pointsFor({ ...facts, correct: false, credit: 0.5, streakBefore: 4 })).toBe(125);
    expect(pointsFor({ ...facts, correct: false, credit: 0, streakBefore: 4 })).toBe(0);
  });

  it('stays within 0..1500 whatever the inputs', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 5_000, max: 600_000 }),
        fc.nat(100),
        (correct, credit, elapsedMs, timeLimitMs, streakBefore) => {
          const p = pointsFor({ correct, credit, elapsedMs, timeLimitMs, streakBefore });
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(SCORING.base + SCORING.speed + SCORING.streakStep * SCORING.streakCap);
          if (correct) expect(p).toBeGreaterThan(SCORING.partial);
        },
      ),
    );
  });

  it('streak grows on correct answers and resets otherwise', () => {
    expect([streakAfter(3, true), streakAfter(3, false)]).toEqual([4, 0]);
  });
});

describe('rankByScore', () => {
  it('gives equal scores the same rank and skips the next ("1, 2, 2, 4")', () => {
    const ranked = rankByScore([
      { id: 'a', score: 100, answerMs: 0, seq: 1 },
      { id: 'b', score: 300, answerMs: 9_000, seq: 2 },
      { id: 'c', score: 300, answerMs: 4_000, seq: 3 },
      { id: 'd', score: 50, answerMs: 0, seq: 4 },
      { id: 'e', score: 300, answerMs: 4_000, seq: 0 },
    ]);
    // Within the tie: less time on correct answers first, then who joined first.
    expect(ranked).toEqual([
      { participantId: 'e', rank: 1 },
      { participantId: 'c', rank: 1 },
      { participantId: 'b', rank: 1 },
      { participantId: 'a', rank: 4 },
      { participantId: 'd', rank: 5 },
    ]);
  });

  it('ranks are fair for any scores: rank = 1 + number of strictly higher scores', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(5), { maxLength: 40 }), (scores) => {
        const players = scores.map((score, i) => ({ id: `p${i}`, score, answerMs: (i * 7919) % 13, seq: i }));
        for (const { participantId, rank } of rankByScore(players)) {
          const me = players.find((p) => p.id === participantId)!;
          expect(rank).toBe(1 + players.filter((p) => p.score > me.score).length);
        }
      }),
    );
  });
});

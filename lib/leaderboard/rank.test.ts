import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignRanks, rankKey, TIME_CAP_MS, weekOf } from './rank';

describe('rank key', () => {
  it('orders by score, then by time, exactly as comparing the pair would', () => {
    const play = fc.record({ score: fc.integer({ min: 0, max: 1_000_000 }), ms: fc.integer({ min: 0, max: TIME_CAP_MS }) });
    fc.assert(
      fc.property(play, play, (a, b) => {
        const byPair = a.score !== b.score ? Math.sign(a.score - b.score) : Math.sign(b.ms - a.ms);
        const byKey = Math.sign(Number(rankKey(a.score, a.ms) - rankKey(b.score, b.ms)));
        expect(byKey).toBe(byPair);
      }),
    );
  });

  it('treats times beyond the cap as the cap, and refuses nonsense', () => {
    expect(rankKey(5, TIME_CAP_MS + 10)).toBe(rankKey(5, TIME_CAP_MS));
    expect(() => rankKey(-1, 0)).toThrow(RangeError);
    expect(() => rankKey(1.5, 0)).toThrow(RangeError);
    expect(() => rankKey(1, Number.NaN)).toThrow(RangeError);
  });
});

describe('competition ranks', () => {
  const rows = (...keys: number[]) => keys.map((k) => ({ rankKey: BigInt(k) }));

  it('gives equal keys equal ranks and skips the places they took', () => {
    expect(assignRanks(rows(9, 9, 7, 5, 5, 5, 1)).map((r) => r.rank)).toEqual([1, 1, 3, 4, 4, 4, 7]);
  });

  it('continues a page from the counts before it', () => {
    // Page 2 of a board whose page 1 ended inside a tie of key 5 (3 rows above it, 2 fives shown).
    expect(assignRanks(rows(5, 3, 3), 3, 2).map((r) => r.rank)).toEqual([4, 7, 7]);
  });
});

describe('weeks', () => {
  it('start on Monday, UTC', () => {
    expect(weekOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
    expect(weekOf(new Date('2026-11-29T23:59:59Z'))).toBe('2026-11-23');
    expect(weekOf(new Date('2026-11-30T00:00:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-12-28');
  });
});

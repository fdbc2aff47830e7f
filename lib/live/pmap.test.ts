import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PMap } from './pmap';

// Keys whose FNV-1a hashes are fully equal, found by brute force so the collision lists are exercised.
function collidingPairs(count: number): [string, string][] {
  const seen = new Map<number, string>();
  const pairs: [string, string][] = [];
  for (let i = 0; pairs.length < count; i++) {
    const k = `k${i}`;
    let h = 0x811c9dc5;
    for (let j = 0; j < k.length; j++) h = Math.imul(h ^ k.charCodeAt(j), 0x01000193);
    h >>>= 0;
    const other = seen.get(h);
    if (other !== undefined) pairs.push([other, k]);
    else seen.set(h, k);
  }
  return pairs;
}

const sorted = <V>(m: PMap<V>) => m.entries().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('PMap', () => {
  it('agrees with Map under random set/delete, and old versions never change', () => {
    const pairs = collidingPairs(3).flat();
    const key = fc.oneof(fc.constantFrom(...pairs), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 400 }).map((i) => `p${i}`));
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key, value: fc.integer() }),
      fc.record({ kind: fc.constant('delete' as const), key }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const model = new Map<string, number>();
        let m = PMap.empty<number>();
        const versions: [PMap<number>, [string, number][]][] = [];
        for (const o of ops) {
          if (o.kind === 'set') {
            model.set(o.key, o.value);
            m = m.set(o.key, o.value);
          } else {
            model.delete(o.key);
            m = m.delete(o.key);
          }
          versions.push([m, [...model.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
          expect(m.size).toBe(model.size);
        }
        for (const [k, v] of model) expect(m.get(k)).toBe(v);
        for (const [version, snapshot] of versions) expect(sorted(version)).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps colliding keys apart and collapses them on delete', () => {
    const [[a, b]] = collidingPairs(1) as [[string, string]];
    const m = PMap.empty<number>().set(a, 1).set(b, 2).set('x', 3);
    expect([m.get(a), m.get(b), m.get('x'), m.size]).toEqual([1, 2, 3, 3]);
    const n = m.delete(a);
    expect([n.get(a), n.get(b), n.size]).toEqual([undefined, 2, 2]);
    expect(n.delete(b).delete('x').size).toBe(0);
  });

  it('returns the same map when nothing changes', () => {
    const m = PMap.empty<number>().set('a', 1);
    expect(m.set('a', 1)).toBe(m);
    expect(m.delete('zz')).toBe(m);
    expect(m.map((v) => v)).toBe(m);
    expect(m.update('missing', (v) => v + 1)).toBe(m);
  });

  it('map rewrites every value and shares nothing it changed', () => {
    let m = PMap.empty<number>();
    for (let i = 0; i < 2000; i++) m = m.set(`p${i}`, i);
    const doubled = m.map((v) => v * 2);
    expect(doubled.get('p1999')).toBe(3998);
    expect(m.get('p1999')).toBe(1999);
    expect(doubled.size).toBe(2000);
  });
});

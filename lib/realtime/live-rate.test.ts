import { describe, expect, it } from 'vitest';
import { fullBucket, RateLimiter, retryAfterMs, take, type RateRule } from './live-rate';

const rule: RateRule = { capacity: 3, perSecond: 2 };

describe('token bucket', () => {
  it('allows a burst of `capacity`, then refuses until time refills a token', () => {
    let b = fullBucket(rule, 0);
    const results: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      const r = take(b, 0, rule);
      results.push(r.allowed);
      b = r.bucket;
    }
    expect(results).toEqual([true, true, true, false]);
    expect(retryAfterMs(b, rule)).toBe(500);
    expect(take(b, 499, rule).allowed).toBe(false);
    expect(take(b, 500, rule).allowed).toBe(true);
  });

  it('never holds more than capacity, however long it rested', () => {
    let b = take(fullBucket(rule, 0), 0, rule).bucket;
    b = take(b, 3_600_000, rule).bucket;
    expect(b.tokens).toBe(rule.capacity - 1);
  });

  it('a clock that goes back refills nothing and does not move the bucket back', () => {
    let b = fullBucket(rule, 10_000);
    for (let i = 0; i < 3; i++) b = take(b, 10_000, rule).bucket;
    const r = take(b, 5_000, rule);
    expect(r.allowed).toBe(false);
    expect(r.bucket.at).toBe(10_000);
  });

  it('sustains exactly the refill rate over time', () => {
    let b = fullBucket(rule, 0);
    let allowed = 0;
    // One attempt every 10 ms for 10 s: the burst plus 2 a second.
    for (let t = 0; t <= 10_000; t += 10) {
      const r = take(b, t, rule);
      b = r.bucket;
      if (r.allowed) allowed++;
    }
    expect(allowed).toBe(3 + 20);
  });
});

describe('RateLimiter', () => {
  it('keeps one bucket per key and forgets refilled ones', () => {
    let now = 0;
    const limiter = new RateLimiter(rule, () => now);
    for (let i = 0; i < 3; i++) expect(limiter.allow('a')).toBe(true);
    expect(limiter.allow('a')).toBe(false);
    expect(limiter.allow('b')).toBe(true);
    expect(limiter.size).toBe(2);
    now = 2_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
    expect(limiter.allow('a')).toBe(true);
  });
});

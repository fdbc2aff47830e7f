// Token buckets for the live session's join and answer events, per socket and per address.
//
// `take` is pure (bucket, now, rule) → { allowed, bucket }, so it is tested without a clock;
// `RateLimiter` keeps one bucket per key and forgets full ones, so a thousand sockets that
// went away leave nothing behind.

export interface RateRule {
  /** Burst: how many may come at once. */
  readonly capacity: number;
  /** Refill per second. */
  readonly perSecond: number;
}

export interface Bucket {
  readonly tokens: number;
  /** When `tokens` was last worked out (ms). */
  readonly at: number;
}

export function fullBucket(rule: RateRule, now: number): Bucket {
  return { tokens: rule.capacity, at: now };
}

/** Refills for the time since the bucket was last seen (a clock that went back refills nothing), then takes one token if there is one. */
export function take(bucket: Bucket, now: number, rule: RateRule): { allowed: boolean; bucket: Bucket } {
  const elapsed = Math.max(0, now - bucket.at);
  const tokens = Math.min(rule.capacity, bucket.tokens + (elapsed / 1000) * rule.perSecond);
  const at = Math.max(now, bucket.at);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at } };
  return { allowed: false, bucket: { tokens, at } };
}

/** Milliseconds until the bucket holds a whole token again. */
export function retryAfterMs(bucket: Bucket, rule: RateRule): number {
  return bucket.tokens >= 1 ? 0 : Math.ceil(((1 - bucket.tokens) / rule.perSecond) * 1000);
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rule: RateRule,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True when `key` may go ahead now (and counts it). */
  allow(key: string): boolean {
    const now = this.clock();
    const r = take(this.buckets.get(key) ?? fullBucket(this.rule, now), now, this.rule);
    this.buckets.set(key, r.bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    return r.allowed;
  }

  /** Forgets buckets that have refilled: they behave exactly like a new one. */
  sweep(now = this.clock()): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.rule.perSecond >= this.rule.capacity) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}

export interface LiveRateRules {
  readonly joinPerSocket: RateRule;
  readonly joinPerAddress: RateRule;
  readonly answerPerSocket: RateRule;
  readonly answerPerAddress: RateRule;
}

/**
 * A whole class often shares one public address (the school's NAT), so the per-address rules
 * leave room for a large class joining at once; the per-socket rules stop one tab hammering.
 */
export const DEFAULT_LIVE_RATES: LiveRateRules = {
  joinPerSocket: { capacity: 5, perSecond: 0.5 },
  joinPerAddress: { capacity: 300, perSecond: 30 },
  answerPerSocket: { capacity: 10, perSecond: 2 },
  answerPerAddress: { capacity: 3_000, perSecond: 600 },
};

import { describe, expect, it } from 'vitest';
import { AuthRateLimits, DEFAULT_AUTH_RATES } from './rate';

describe('sign-in rate limits', () => {
  it('stop one login after its burst, from any address, until the bucket refills', () => {
    let now = 0;
    const limits = new AuthRateLimits(DEFAULT_AUTH_RATES, () => now);
    const burst = DEFAULT_AUTH_RATES.signInPerLogin.capacity;
    for (let i = 0; i < burst; i++) limits.signIn(`10.0.0.${i}`, 'ms@school.example');
    expect(() => limits.signIn('10.0.0.99', 'ms@school.example')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    // Another login from the same addresses is not held back by this one.
    expect(() => limits.signIn('10.0.0.1', 'mr@school.example')).not.toThrow();
    now += 1000 / DEFAULT_AUTH_RATES.signInPerLogin.perSecond;
    expect(() => limits.signIn('10.0.0.99', 'ms@school.example')).not.toThrow();
  });

  it('stop one address trying many logins', () => {
    const limits = new AuthRateLimits(DEFAULT_AUTH_RATES, () => 0);
    const burst = DEFAULT_AUTH_RATES.signInPerAddress.capacity;
    for (let i = 0; i < burst; i++) limits.signIn('203.0.113.5', `user${i}`);
    expect(() => limits.signIn('203.0.113.5', 'someone-new')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    expect(() => limits.signIn('203.0.113.6', 'someone-new')).not.toThrow();
  });

  it('leave room for a whole class signing in from one school address', () => {
    const limits = new AuthRateLimits(DEFAULT_AUTH_RATES, () => 0);
    for (let i = 0; i < 35; i++) limits.signIn('198.51.100.1', `student${i}`);
  });
});

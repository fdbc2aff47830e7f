// Rate limits for the account forms, on the same token buckets as the live sessions
// (lib/realtime/live-rate.ts). Sign-in is limited per address and per account name: the first
// stops one machine trying many accounts, the second stops many machines trying one account.
// A school shares one public address, so the per-address buckets leave room for a class.
// The buckets live in this process: with several server nodes each node counts on its own.
import { RateLimiter, type RateRule } from '../realtime/live-rate';
import { AuthError } from './errors';

export interface AuthRateRules {
  readonly signInPerAddress: RateRule;
  readonly signInPerLogin: RateRule;
  readonly signUpPerAddress: RateRule;
  readonly resetPerAddress: RateRule;
  readonly resetPerLogin: RateRule;
}

export const DEFAULT_AUTH_RATES: AuthRateRules = {
  signInPerAddress: { capacity: 60, perSecond: 1 },
  signInPerLogin: { capacity: 5, perSecond: 1 / 60 },
  signUpPerAddress: { capacity: 60, perSecond: 0.5 },
  resetPerAddress: { capacity: 5, perSecond: 1 / 60 },
  resetPerLogin: { capacity: 3, perSecond: 1 / 300 },
};

const WAIT = 'Too many attempts. Wait a minute and try again.';

export class AuthRateLimits {
  private readonly limiters: { [K in keyof AuthRateRules]: RateLimiter };

  constructor(rules: AuthRateRules = DEFAULT_AUTH_RATES, clock: () => number = Date.now) {
    this.limiters = {
      signInPerAddress: new RateLimiter(rules.signInPerAddress, clock),
      signInPerLogin: new RateLimiter(rules.signInPerLogin, clock),
      signUpPerAddress: new RateLimiter(rules.signUpPerAddress, clock),
      resetPerAddress: new RateLimiter(rules.resetPerAddress, clock),
      resetPerLogin: new RateLimiter(rules.resetPerLogin, clock),
    };
  }

  /** Throws a rate_limited AuthError when either bucket is empty; both are charged either way. */
  private check(byAddress: RateLimiter, address: string, byLogin?: RateLimiter, login?: string): void {
    const okAddress = byAddress.allow(address);
    const okLogin = byLogin && login !== undefined ? byLogin.allow(login) : true;
    if (!okAddress || !okLogin) throw new AuthError('rate_limited', WAIT);
  }

  signIn(address: string, login: string): void {
    this.check(this.limiters.signInPerAddress, address, this.limiters.signInPerLogin, login);
  }

  signUp(address: string): void {
    this.check(this.limiters.signUpPerAddress, address);
  }

  reset(address: string, login: string): void {
    this.check(this.limiters.resetPerAddress, address, this.limiters.resetPerLogin, login);
  }
}

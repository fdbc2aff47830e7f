// The process's one set of account rate limits, shared by every route handler. Kept on
// globalThis because Next.js bundles each route separately: a module-level instance per
// bundle would give each route its own buckets.
import { AuthRateLimits } from './rate';

const KEY = Symbol.for('heapquest.auth.rate-limits');
type Holder = { [KEY]?: AuthRateLimits };

export function authRateLimits(): AuthRateLimits {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AuthRateLimits();
  return holder[KEY];
}

// A service we depend on (database, Redis) is not usable at start. The message is the one
// line server.ts prints before it exits 1: what failed, why, and what to do.
export class StartupError extends Error {
  override name = 'StartupError';
}

/** The shortest useful reason: an errno code (ECONNREFUSED), else the error's own message. */
export function shortReason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return shortReason(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    const inMessage = /\b(E(?:CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN|TIMEDOUT|ACCES|PERM))\b/.exec(error.message);
    if (inMessage) return inMessage[1]!;
    return error.message || error.name;
  }
  return String(error);
}

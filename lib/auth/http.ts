// The HTTP edge of accounts, free of Next.js so it can be tested with plain Requests: cookie
// headers, the client's address, the same-origin check, and turning refusals into responses.
// (next.ts wraps these for route handlers and server components.)
import { ZodError } from 'zod';
import { AuthError } from './errors';
import { firstProblem } from './input';
import { PLAYER_COOKIE } from './player';
import { SESSION_TTL_MS } from './sessions';

export const SESSION_COOKIE = 'hq_session';
export { PLAYER_COOKIE };

/** server.ts writes the TCP peer's address here on every request, replacing anything a client sent. */
export const PEER_HEADER = 'x-heapquest-peer';

const PLAYER_TTL_S = 400 * 24 * 3600;

/** Secure cookies when the page was reached over HTTPS (directly, or through a proxy we were told to trust). */
export function isSecure(request: Request, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  if (env.HEAPQUEST_SECURE_COOKIES === '1') return true;
  if (new URL(request.url).protocol === 'https:') return true;
  return env.HEAPQUEST_TRUST_PROXY === '1' && request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

export function cookieHeader(name: string, value: string, options: { secure: boolean; maxAgeSeconds: number }): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${options.maxAgeSeconds}`, ...(options.secure ? ['Secure'] : [])];
  return `${name}=${encodeURIComponent(value)}; ${attributes.join('; ')}`;
}

export const sessionCookie = (token: string, secure: boolean) => cookieHeader(SESSION_COOKIE, token, { secure, maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000) });
export const playerCookie = (playerId: string, secure: boolean) => cookieHeader(PLAYER_COOKIE, playerId, { secure, maxAgeSeconds: PLAYER_TTL_S });
export const clearCookie = (name: string, secure: boolean) => cookieHeader(name, '', { secure, maxAgeSeconds: 0 });

/**
 * Who is asking, for rate limits: the TCP peer as server.ts saw it. Behind a proxy we were
 * told to trust, the address the proxy saw (the last X-Forwarded-For hop it appended).
 */
export function clientAddress(headers: Headers, env: Readonly<Record<string, string | undefined>> = process.env): string {
  if (env.HEAPQUEST_TRUST_PROXY === '1') {
    const hops = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (hops && hops.length > 0) return hops.at(-1)!;
  }
  return headers.get(PEER_HEADER) || 'unknown';
}

/**
 * Refuses a state-changing request sent by another site. SameSite=Lax already keeps our
 * cookies off cross-site POSTs; this is the second lock on the door. A request without an
 * Origin header (not sent by a browser's fetch or form) passes: it carries no cookies a
 * browser attached on its own.
 */
export function checkSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin === null) return;
  const host = request.headers.get('host') ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AuthError('forbidden', 'This request came from another site.');
  }
  if (originHost !== host) throw new AuthError('forbidden', 'This request came from another site.');
}

export function json(body: unknown, status = 200, setCookies: readonly string[] = []): Response {
  const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' });
  for (const c of setCookies) headers.append('set-cookie', c);
  return new Response(JSON.stringify(body), { status, headers });
}

/** A refusal as the client should see it; anything unexpected is logged and answered 500 without details. */
export function errorResponse(error: unknown, what: string): Response {
  if (error instanceof AuthError) return json({ ok: false, code: error.code, error: error.message }, error.status);
  if (error instanceof ZodError) return json({ ok: false, code: 'invalid', error: firstProblem(error) }, 400);
  console.error(`heapquest: ${what} failed:`, error);
  return json({ ok: false, code: 'server', error: 'Something went wrong on the server. Try again in a moment.' }, 500);
}

/** The JSON body of a request, or an AuthError saying it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    throw new AuthError('invalid', 'Send the form as JSON.');
  }
  const text = await request.text();
  if (text.length > 16_384) throw new AuthError('invalid', 'The form is too large.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AuthError('invalid', 'The form could not be read. Reload the page and try again.');
  }
}

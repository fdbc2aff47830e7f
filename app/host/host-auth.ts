// Who the host is, for pages and route handlers: the `hq_host` HTTP-only cookie, created when
// a teacher first creates a session. Its hash is the teacherId sessions are stored under;
// teacher accounts (another issue) will supply a real id here instead.
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import { liveTeacherIdOf } from '@/lib/auth/live-teacher';
import { currentViewer } from '@/lib/auth/next';
import { HOST_COOKIE_NAME, teacherIdOf } from '@/lib/realtime/live-host';

export async function currentTeacherId(): Promise<string | null> {
  // A signed-in teacher account is the host wherever it signs in.
  const account = liveTeacherIdOf(await currentViewer());
  if (account) return account;
  const token = (await cookies()).get(HOST_COOKIE_NAME)?.value;
  return token ? teacherIdOf(token) : null;
}

/** The host token, and the Set-Cookie header to send when it was created just now. */
export async function ensureHostToken(secure: boolean): Promise<{ token: string; setCookie: string | null }> {
  const existing = (await cookies()).get(HOST_COOKIE_NAME)?.value;
  if (existing && /^[A-Za-z0-9_-]{32,128}$/.test(existing)) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString('base64url');
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${365 * 24 * 3600}`, ...(secure ? ['Secure'] : [])];
  return { token, setCookie: `${HOST_COOKIE_NAME}=${token}; ${attributes.join('; ')}` };
}

/**
 * A 303 to a path on this site, carrying a cookie when given one. The Location stays relative:
 * behind our custom server `request.url` names localhost whatever host the browser used, and
 * a redirect to another host name would lose the cookie just set.
 */
export function seeOther(_request: Request, location: string, setCookie: string | null = null): Response {
  const headers = new Headers({ location });
  if (setCookie) headers.append('set-cookie', setCookie);
  return new Response(null, { status: 303, headers });
}

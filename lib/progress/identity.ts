// The anonymous player's identity in a browser: an HTTP-only cookie holding the Player id.
// Scripts on the page cannot read it; an account (lib/auth) later adopts the same player, so
// the progress stored under it stays where it is.

export const PLAYER_COOKIE = 'hq_player';

/** Browsers cap cookie lifetimes at 400 days; the cookie is renewed whenever a play starts. */
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

export interface PlayerCookie {
  readonly name: string;
  readonly value: string;
  readonly httpOnly: true;
  readonly sameSite: 'lax';
  readonly path: '/';
  readonly maxAge: number;
  readonly secure: boolean;
}

/** The cookie for `playerId`; `secure` when the page was served over HTTPS. */
export function playerCookie(playerId: string, secure: boolean): PlayerCookie {
  return { name: PLAYER_COOKIE, value: playerId, httpOnly: true, sameSite: 'lax', path: '/', maxAge: MAX_AGE_SECONDS, secure };
}

/** Whether the request reached us over HTTPS (directly, or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get('x-forwarded-proto');
  if (forwarded !== null) return forwarded.split(',')[0]!.trim() === 'https';
  return new URL(request.url).protocol === 'https:';
}

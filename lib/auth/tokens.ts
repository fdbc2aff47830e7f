// Secrets handed to a browser (session cookies, reset links): 256 random bits, stored only as
// their SHA-256 (the same hash the live sessions use for their tokens), so a copy of the
// database holds nothing a browser could present.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../realtime/live-host';

export { hashToken };

export const newSecret = () => randomBytes(32).toString('base64url');

/** The shape every secret we issue has; anything else is refused before a database lookup. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

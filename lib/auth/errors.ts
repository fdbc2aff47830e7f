// A refusal the person at the form should read as it is, with the HTTP status it maps to.
export type AuthErrorCode =
  | 'invalid'
  | 'login_taken'
  | 'bad_credentials'
  | 'rate_limited'
  | 'signed_out'
  | 'forbidden'
  | 'not_found'
  | 'reset_invalid'
  | 'conflict';

const STATUS: Record<AuthErrorCode, number> = {
  invalid: 400,
  login_taken: 409,
  bad_credentials: 401,
  rate_limited: 429,
  signed_out: 401,
  forbidden: 403,
  // A class that is not yours answers like one that does not exist: ids are not probed.
  not_found: 404,
  reset_invalid: 400,
  conflict: 409,
};

export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

// Unique-key violations are recognised the one way the live store does it.
export { isUniqueViolation } from '../live-store/store';

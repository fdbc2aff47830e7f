// Password hashing: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
// The hash is a PHC string that carries its own parameters, so raising them later needs no
// migration: `needsRehash` tells sign-in to store a fresh hash.
import { hash, verify, type Options } from '@node-rs/argon2';

/** `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
export const ARGON2_PARAMS = { algorithm: 2 as Options['algorithm'], memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** False for a wrong password and for a hash this code cannot read (never throws on bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function needsRehash(stored: string): boolean {
  const p = ARGON2_PARAMS;
  return !stored.startsWith(`$argon2id$v=19$m=${p.memoryCost},t=${p.timeCost},p=${p.parallelism}$`);
}

// A sign-in for an unknown login still spends the time of one verification, so the answer's
// timing does not tell which logins exist.
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('heapquest-decoy-password');
  await verifyPassword(await decoy, password);
}

import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * argon2id at OWASP ASVS 5.0 / OWASP Password Storage Cheat Sheet's first recommended setting:
 * m = 19 MiB (19456 KiB), t = 2, p = 1. Changing these re-hashes nobody: a stored hash carries its
 * own parameters, so old hashes still verify.
 */
export const PASSWORD_HASH_PARAMS = {
  /** Algorithm.Argon2id (a const enum, which verbatimModuleSyntax cannot import). */
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_PARAMS);
}

/** False on a wrong password or an unparsable hash; never throws for a bad candidate. */
export async function verifyPassword(passwordHash: string, candidate: string): Promise<boolean> {
  try {
    return await verify(passwordHash, candidate);
  } catch {
    return false;
  }
}

/**
 * A real hash of nothing anyone knows: verifying unknown phones against it costs the same time as a
 * real check, so response times do not tell which phones have accounts.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${Math.random()}`);
  return dummyHash;
}

/** The length rule alone, in Unicode code points (what JSON Schema's minLength/maxLength count). */
export function passwordLengthProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return null;
}

export const COMMON_PASSWORD_MESSAGE = 'is one of the most common passwords; choose another';

/** On the list of common passwords (trimmed, any case). */
export const isCommonPassword = (password: string) => COMMON_PASSWORDS.has(password.trim().toLowerCase());

/** Why a new password is refused (English; the field name is added by the caller), or null. */
export function passwordProblem(password: string): string | null {
  return passwordLengthProblem(password) ?? (isCommonPassword(password) ? COMMON_PASSWORD_MESSAGE : null);
}

/** The parameters encoded in a PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
export function decodeHashParams(phc: string): {
  algorithm: string;
  version: number;
  m: number;
  t: number;
  p: number;
} {
  const m = /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(phc);
  if (!m) throw new Error('not an argon2 PHC string');
  return { algorithm: m[1]!, version: Number(m[2]), m: Number(m[3]), t: Number(m[4]), p: Number(m[5]) };
}

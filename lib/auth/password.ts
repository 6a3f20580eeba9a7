import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

type Cost = { N: number; r: number; p: number };

// scrypt is memory-hard: N=2^17, r=8 uses 128 MiB per hash (OWASP's minimum for scrypt).
export const PASSWORD_COST: Cost = { N: 2 ** 17, r: 8, p: 1 };
let PARAMS: Cost = PASSWORD_COST;

/**
 * Tests only: hash at another cost, so a burst of sign-ins in an integration test takes milliseconds per hash.
 * Refused in production. Each hash names its own cost, so verifying is unaffected either way.
 */
export function setPasswordCostForTests(cost: Cost) {
  if (process.env.NODE_ENV === 'production') throw new Error('The password cost is fixed in production.');
  PARAMS = cost;
}
// Node refuses 128 MiB at its 32 MiB default; room for one hash at a time per thread.
const MAXMEM = 256 * 1024 * 1024;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem: MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Returns `scrypt$N$r$p$salt$hash` (base64url), self-describing so parameters can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** True for a hash made with weaker parameters than today's: re-hashed at the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return scheme !== 'scrypt' || Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p;
}

/** Verified against when the email is unknown, so both paths take the same time (no account enumeration). */
export function dummyPasswordHash(): string {
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

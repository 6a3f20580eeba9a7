import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Executor } from '@/db';
import { recoveryCodes } from '@/db/schema';
import { hashCode, matchesCode } from './code-hash';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O or 1/I/L: read from paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code like `k7m2p-x9q4t` (50 bits), stored peppered and salted (code-hash.ts). */
function newCode(): string {
  const part = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${part()}-${part()}`;
}

export function normaliseRecoveryCode(code: string): string {
  const compact = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

/** Voids every earlier code and stores ten new ones hashed; the plain codes are returned to be shown once. */
export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashCode(code) })));
  return codes;
}

/**
 * Uses one code: each stored code has its own salt, so the user's (at most ten) open codes are compared one by
 * one; the conditional update then makes two simultaneous uses of the same code count once.
 */
export async function consumeRecoveryCode(tx: Executor, userId: string, code: string, now: Date): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  const open = await tx
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const match = open.find((row) => matchesCode(normalised, row.codeHash, { legacySha256: true }));
  if (!match) return false;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

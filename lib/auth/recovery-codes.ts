import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Executor } from '@/db';
import { recoveryCodes } from '@/db/schema';
import { sha256 } from './crypto';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O or 1/I/L: read from paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code like `k7m2p-x9q4t` (50 bits): high entropy, so a plain SHA-256 is enough at rest. */
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
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: sha256(code) })));
  return codes;
}

/** Uses one code: the conditional update makes two simultaneous uses count once. */
export async function consumeRecoveryCode(tx: Executor, userId: string, code: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, sha256(normaliseRecoveryCode(code))), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}

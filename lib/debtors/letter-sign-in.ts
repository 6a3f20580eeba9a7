import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import type { Database } from '@/db';
import { cases, letterAccessCodes } from '@/db/schema';
import { matchesCode } from '@/lib/auth/code-hash';
import { claimAttempt, markAttemptSucceeded } from '@/lib/auth/throttle';
import type { LetterSignInInput } from './schemas';

export type LetterSignInResult = { ok: true; caseId: string } | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Checks a case number and letter code. The attempt is claimed first (lib/auth/throttle.ts, atomic: per case and
 * address /64, per case, per address), so a parallel burst cannot try more codes than the limit. An unknown case,
 * a wrong code and an expired code look the same.
 */
export async function verifyLetterCode(
  db: Database,
  input: LetterSignInInput,
  client: { ipAddress: string },
  now: Date = new Date(),
): Promise<LetterSignInResult> {
  const attemptId = await claimAttempt(db, { step: 'letter_code', email: `case:${input.caseNumber}`, ipAddress: client.ipAddress }, now);
  if (!attemptId) return { ok: false, reason: 'throttled' };
  const codes = await db
    .select({ caseId: letterAccessCodes.caseId, codeHash: letterAccessCodes.codeHash })
    .from(letterAccessCodes)
    .innerJoin(cases, and(eq(cases.id, letterAccessCodes.caseId), eq(cases.companyId, letterAccessCodes.companyId)))
    .where(and(eq(cases.caseNumber, input.caseNumber), gt(letterAccessCodes.expiresAt, now)));
  const match = codes.find((row) => matchesCode(input.code, row.codeHash));
  if (!match) return { ok: false, reason: 'invalid' };
  await markAttemptSucceeded(db, attemptId);
  return { ok: true, caseId: match.caseId };
}

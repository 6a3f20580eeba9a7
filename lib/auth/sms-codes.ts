import 'server-only';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { Database, Executor } from '@/db';
import { smsCodes } from '@/db/schema';
import { hashCode, matchesCode } from './code-hash';

export const SMS_CODE_TTL_MS = 5 * 60 * 1000;
export const SMS_CODE_MAX_TRIES = 5;
// Resend: one new code per minute for each purpose, at most five per hour per user.
export const SMS_RESEND_GAP_MS = 60 * 1000;
export const SMS_MAX_PER_HOUR = 5;

export type SmsPurpose = 'setup' | 'sign_in';
export type SmsCheck = 'ok' | 'invalid' | 'expired' | 'tooManyTries';

/** Whether a new code may be sent now (resend limit); checked under a lock on the user by the caller. */
export async function maySendSmsCode(tx: Executor, userId: string, purpose: SmsPurpose, now: Date): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${userId}`}))`);
  const recent = await tx
    .select({ createdAt: smsCodes.createdAt, purpose: smsCodes.purpose })
    .from(smsCodes)
    .where(and(eq(smsCodes.userId, userId), gt(smsCodes.createdAt, new Date(now.getTime() - 60 * 60 * 1000))))
    .orderBy(desc(smsCodes.createdAt));
  if (recent.length >= SMS_MAX_PER_HOUR) return false;
  const last = recent.find((row) => row.purpose === purpose)?.createdAt;
  return !last || now.getTime() - last.getTime() >= SMS_RESEND_GAP_MS;
}

/** A new six-digit code for this purpose; earlier open codes of the user for it stop counting. Returns the code. */
export async function createSmsCode(tx: Executor, userId: string, purpose: SmsPurpose, phone: string, now: Date): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx
    .update(smsCodes)
    .set({ consumedAt: now })
    .where(and(eq(smsCodes.userId, userId), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt)));
  await tx
    .insert(smsCodes)
    .values({ userId, purpose, phone, codeHash: hashCode(code), expiresAt: new Date(now.getTime() + SMS_CODE_TTL_MS), createdAt: now });
  return code;
}

/**
 * Checks a code against the user's open code for this purpose, counting the try under a row lock, so parallel
 * tries cannot exceed five. A right code is consumed (single use). Returns the phone with 'ok'.
 */
export async function checkSmsCode(db: Database, userId: string, purpose: SmsPurpose, code: string, now: Date) {
  return db.transaction(async (tx): Promise<{ result: SmsCheck; phone?: string }> => {
    const [open] = await tx
      .select()
      .from(smsCodes)
      .where(and(eq(smsCodes.userId, userId), eq(smsCodes.purpose, purpose), isNull(smsCodes.consumedAt)))
      .orderBy(desc(smsCodes.createdAt))
      .limit(1)
      .for('update');
    if (!open || open.expiresAt.getTime() <= now.getTime()) return { result: 'expired' };
    if (open.attempts >= SMS_CODE_MAX_TRIES) return { result: 'tooManyTries' };
    // Codes hashed before the pepper (bare SHA-256) are not accepted: they lived five minutes, a resend replaces them.
    const matches = matchesCode(code, open.codeHash);
    await tx
      .update(smsCodes)
      .set({ attempts: open.attempts + 1, ...(matches ? { consumedAt: now } : {}) })
      .where(eq(smsCodes.id, open.id));
    if (!matches) return { result: open.attempts + 1 >= SMS_CODE_MAX_TRIES ? 'tooManyTries' : 'invalid' };
    return { result: 'ok', phone: open.phone };
  });
}

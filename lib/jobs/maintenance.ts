import { lt } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { signInAttempts, webauthnChallenges } from '@/db/schema';
import { foldCaseFiguresSql } from '@/lib/insights/sql';

export const MAINTENANCE_JOB = 'maintenance';

// Throttling only looks 15 minutes back; a day of attempts is kept for investigating abuse.
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Removes sign-in attempts and WebAuthn challenges that no check will ever read again. */
export async function purgeExpiredAuthData(db: Executor, now = new Date()) {
  const attempts = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)))
    .returning({ id: signInAttempts.id });
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  return { attempts: attempts.length };
}

/** Folds Innsikt's running sums into one row per company, so reading them stays a handful of rows. */
export async function foldCaseFigures(db: Executor) {
  await db.execute(foldCaseFiguresSql());
}

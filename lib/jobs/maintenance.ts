import { and, eq, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiIdempotency, outbox, sessions, signInAttempts, smsCodes, webauthnChallenges } from '@/db/schema';
import { SESSION_IDLE_TIMEOUT_MS } from '@/lib/auth/session';
import { SMS_CODE_TTL_MS } from '@/lib/auth/sms-codes';
import { foldCaseFiguresSql } from '@/lib/insights/sql';
import { INVITATION_TTL_MS } from '@/lib/invitations/token';

export const MAINTENANCE_JOB = 'maintenance';

const DAY_MS = 24 * 60 * 60 * 1000;
// Throttling only looks 15 minutes back; a day of attempts is kept for investigating abuse.
const ATTEMPT_RETENTION_MS = DAY_MS;
// An ended session (expired, revoked or idle) is kept a week for "who was signed in" questions, then removed;
// the events keep the sign-ins themselves.
const ENDED_SESSION_RETENTION_MS = 7 * DAY_MS;
// An API write's first answer is replayed for an Idempotency-Key this long (README, AutoCollect).
export const API_IDEMPOTENCY_RETENTION_MS = 30 * DAY_MS;

/**
 * Outbox texts that carry a live secret (a sign-in or confirmation code, an invitation link), by template and
 * how long the secret lives. Sent rows are blanked at delivery; these cover the ones delivery never reached.
 */
const SECRET_TEMPLATES = [
  { template: 'sms_code', liveMs: SMS_CODE_TTL_MS },
  { template: 'invitation', liveMs: INVITATION_TTL_MS },
] as const;

/**
 * Removes what no check will read again: old sign-in attempts, WebAuthn challenges, SMS codes, ended sessions and
 * old API idempotency answers; blanks outbox texts whose secret has expired undelivered (failed, or waiting
 * without a sender), and stops a still-pending one from being sent empty.
 */
export async function purgeExpiredAuthData(db: Executor, now = new Date()) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const attempts = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.createdAt, before(ATTEMPT_RETENTION_MS)))
    .returning({ id: signInAttempts.id });
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, now));
  await db.delete(smsCodes).where(lt(smsCodes.expiresAt, before(DAY_MS)));
  const ended = before(ENDED_SESSION_RETENTION_MS);
  const endedSessions = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, ended),
        lt(sessions.revokedAt, ended),
        lt(sessions.lastSeenAt, before(ENDED_SESSION_RETENTION_MS + SESSION_IDLE_TIMEOUT_MS)),
      ),
    )
    .returning({ id: sessions.id });
  const idempotency = await db
    .delete(apiIdempotency)
    .where(lt(apiIdempotency.createdAt, before(API_IDEMPOTENCY_RETENTION_MS)))
    .returning({ id: apiIdempotency.id });
  let blanked = 0;
  for (const { template, liveMs } of SECRET_TEMPLATES) {
    const rows = await db
      .update(outbox)
      .set({
        bodyText: '',
        bodyHtml: null,
        status: sql`case when ${outbox.status} = 'pending' then 'failed'::outbox_status else ${outbox.status} end`,
        lastError: sql`case when ${outbox.status} = 'pending' then 'expired before delivery' else ${outbox.lastError} end`,
      })
      .where(
        and(eq(outbox.template, template), lt(outbox.createdAt, before(liveMs)), or(ne(outbox.bodyText, ''), isNotNull(outbox.bodyHtml))),
      )
      .returning({ id: outbox.id });
    blanked += rows.length;
  }
  return { attempts: attempts.length, sessions: endedSessions.length, idempotency: idempotency.length, blanked };
}

/** Folds Innsikt's running sums into one row per company, so reading them stays a handful of rows. */
export async function foldCaseFigures(db: Executor) {
  await db.execute(foldCaseFiguresSql());
}

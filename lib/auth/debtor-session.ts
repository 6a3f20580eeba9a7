import 'server-only';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Executor } from '@/db';
import { debtorSessions } from '@/db/schema';
import { isProductionDeployment } from '@/lib/http/security-headers';
import { sha256 } from './crypto';

// Min side's sessions: their own cookie and table, so a debtor's session never opens a creditor page and a
// creditor's never opens Min side (the gates read different cookies).

/** `__Host-` in a real deployment (Secure, no Domain, Path=/); the demo also runs on plain http://localhost. */
export function debtorSessionCookieName(): string {
  return isProductionDeployment() ? '__Host-min_side_session' : 'min_side_session';
}

export function debtorSessionCookieOptions(expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: isProductionDeployment(), path: '/', expires: expiresAt };
}

export const DEBTOR_SESSION_MAX_AGE_MS = 4 * 60 * 60 * 1000;
// As on the creditor side (ASVS 3.3.2): 30 minutes without a request ends it.
export const DEBTOR_SESSION_IDLE_MS = 30 * 60 * 1000;
const LAST_SEEN_GRANULARITY_MS = 60 * 1000;

export type DebtorIdentity =
  { kind: 'bankid'; nationalId: string; name: string | null; organisationNumbers: string[] } | { kind: 'letter_code'; caseId: string };

/** Starts a session for a verified identity; returns the cookie's token (only its hash is stored) and expiry. */
export async function createDebtorSession(db: Executor, identity: DebtorIdentity, now: Date = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + DEBTOR_SESSION_MAX_AGE_MS);
  await db.insert(debtorSessions).values({
    tokenHash: sha256(token),
    kind: identity.kind,
    nationalId: identity.kind === 'bankid' ? identity.nationalId : null,
    name: identity.kind === 'bankid' ? identity.name : null,
    organisationNumbers: identity.kind === 'bankid' ? identity.organisationNumbers : [],
    caseId: identity.kind === 'letter_code' ? identity.caseId : null,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
  });
  return { token, expiresAt };
}

/** The live session behind a cookie token, or null (unknown, revoked, expired, idle 30 minutes); counts as activity. */
export async function getLiveDebtorSession(db: Executor, token: string, now: Date = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(debtorSessions)
    .where(
      and(
        eq(debtorSessions.tokenHash, sha256(token)),
        isNull(debtorSessions.revokedAt),
        gt(debtorSessions.expiresAt, now),
        gt(debtorSessions.lastSeenAt, new Date(now.getTime() - DEBTOR_SESSION_IDLE_MS)),
      ),
    );
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    await db
      .update(debtorSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(debtorSessions.id, row.id), lt(debtorSessions.lastSeenAt, now)));
  }
  return row;
}

export async function revokeDebtorSession(db: Executor, token: string, now: Date = new Date()) {
  await db
    .update(debtorSessions)
    .set({ revokedAt: now })
    .where(and(eq(debtorSessions.tokenHash, sha256(token)), isNull(debtorSessions.revokedAt)));
}

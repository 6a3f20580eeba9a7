import 'server-only';
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Executor } from '@/db';
import { sessions, users } from '@/db/schema';
import { env } from '@/lib/env';
import type { Role } from '@/lib/roles';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
// A password-only session waits for the second factor this long, then the password is needed again.
export const PENDING_SESSION_TTL_MS = 10 * 60 * 1000;
// A signed-in session unused this long is over (ASVS 3.3.2: re-authentication after 30 minutes idle at L2).
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
// lastSeenAt is written at most once a minute per session: enough for the idle check, cheap per request.
const LAST_SEEN_GRANULARITY_MS = 60 * 1000;

export async function createSession(
  db: Executor,
  user: { id: string; sessionVersion: number },
  client: { ipAddress: string; userAgent: string | null },
  verifiedAt: Date | null = null,
) {
  const now = verifiedAt ?? new Date();
  const lifetimeMs = verifiedAt ? SESSION_MAX_AGE_SECONDS * 1000 : PENDING_SESSION_TTL_MS;
  const [row] = await db
    .insert(sessions)
    .values({
      userId: user.id,
      userSessionVersion: user.sessionVersion,
      expiresAt: new Date(now.getTime() + lifetimeMs),
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
      secondFactorVerifiedAt: verifiedAt,
      reauthenticatedAt: verifiedAt,
      lastSeenAt: now,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

/**
 * The live session behind a session id, or null when it was revoked, expired, idle for 30 minutes, issued
 * before the user's last password change or removal, or its user is deleted. Checked on every request, which
 * also counts as activity (in the database, so the idle timeout holds across instances).
 */
export async function getLiveSession(db: Executor, sessionId: string, now: Date = new Date()) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      secondFactorVerifiedAt: sessions.secondFactorVerifiedAt,
      reauthenticatedAt: sessions.reauthenticatedAt,
      lastSeenAt: sessions.lastSeenAt,
      userSessionVersion: sessions.userSessionVersion,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      preferredSecondFactor: users.preferredSecondFactor,
      // What every signed-in page's shell needs besides, in the same statement (one round trip per request): the
      // user's memberships, read afresh (the gate's listMyMemberships), and the navigation's count of open tasks
      // (assigned to the user or to nobody, in the user's companies; lib/tasks/queries.ts countMyOpenTasks).
      memberships: sql<SessionMembership[]>`coalesce((
        select json_agg(json_build_object('companyId', m.company_id, 'companyName', c.name, 'role', m.role) order by c.name asc)
        from memberships m join companies c on c.id = m.company_id
        where m.user_id = ${users.id}), '[]'::json)`,
      openTasks: sql<number>`(
        select count(*)::int from tasks t
        where t.status = 'open' and (t.assigned_user_id = ${users.id} or t.assigned_user_id is null)
          and t.company_id in (select m.company_id from memberships m where m.user_id = ${users.id}))`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
        eq(sessions.userSessionVersion, users.sessionVersion),
        isNull(users.deletedAt),
      ),
    );
  if (!row) return null;
  if (!row.lastSeenAt || now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_GRANULARITY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, sessionId), lt(sessions.lastSeenAt, now)));
  }
  return row;
}

export type SessionMembership = { companyId: string; companyName: string; role: Role };
export type LiveSession = NonNullable<Awaited<ReturnType<typeof getLiveSession>>>;

export async function revokeSession(db: Executor, sessionId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * The second factor is done: the pending session is revoked and a new one (new id, so a planted id gains
 * nothing) carries the signed-in state. Returns the new id, or null when the pending session is gone.
 */
export async function rotateToVerified(
  tx: Executor,
  pendingSessionId: string,
  client: { ipAddress: string; userAgent: string | null },
  now: Date,
) {
  const [old] = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, pendingSessionId), isNull(sessions.revokedAt), isNull(sessions.secondFactorVerifiedAt)))
    .returning({ userId: sessions.userId, version: sessions.userSessionVersion });
  if (!old) return null;
  return createSession(tx, { id: old.userId, sessionVersion: old.version }, client, now);
}

/**
 * Claims one second-factor try in a pending session (atomically, so a parallel burst cannot pass the limit).
 * Returns the tries used including this one, or null when the session has none left (or is no longer pending).
 */
export async function claimSessionTry(db: Executor, sessionId: string, maxTries: number, now: Date): Promise<number | null> {
  const [row] = await db
    .update(sessions)
    .set({ secondFactorTries: sql`${sessions.secondFactorTries} + 1` })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        isNull(sessions.secondFactorVerifiedAt),
        gt(sessions.expiresAt, now),
        lt(sessions.secondFactorTries, maxTries),
      ),
    )
    .returning({ tries: sessions.secondFactorTries });
  return row?.tries ?? null;
}

/** Proof, for Auth.js's credentials callback, that our own sign-in action created this session. */
export function sessionHandoff(sessionId: string): string {
  return createHmac('sha256', env().AUTH_SECRET).update(`session-handoff:${sessionId}`).digest('base64url');
}

export function isValidHandoff(sessionId: string, handoff: string): boolean {
  const expected = Buffer.from(sessionHandoff(sessionId));
  const given = Buffer.from(handoff);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Executor } from '@/db';
import { sessions, users } from '@/db/schema';
import { env } from '@/lib/env';

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export async function createSession(
  db: Executor,
  user: { id: string; sessionVersion: number },
  client: { ipAddress: string; userAgent: string | null },
) {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: user.id,
      userSessionVersion: user.sessionVersion,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
      ipAddress: client.ipAddress,
      userAgent: client.userAgent,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error('session insert returned nothing');
  return row.id;
}

/**
 * The live session behind a session id, or null when it was revoked, expired, issued before the
 * user's last password change or removal, or its user is deleted. Checked on every request.
 */
export async function getLiveSession(db: Executor, sessionId: string) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      secondFactorVerifiedAt: sessions.secondFactorVerifiedAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      preferredSecondFactor: users.preferredSecondFactor,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        eq(sessions.userSessionVersion, users.sessionVersion),
        isNull(users.deletedAt),
      ),
    );
  return row ?? null;
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof getLiveSession>>>;

export async function revokeSession(db: Executor, sessionId: string) {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
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

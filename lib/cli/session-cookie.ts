import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Executor } from '@/db/client';
import { sessions, users } from '@/db/schema';

const COOKIE = 'authjs.session-token';

/**
 * Signs a user in without the forms (for the benchmark and the authorisation matrix): a live session row, with the
 * second factor done unless `secondFactorPending`, and the Auth.js cookie that carries its id, sealed with the
 * server's AUTH_SECRET exactly as lib/auth/auth.ts does (token.sid).
 */
export async function sessionCookieFor(
  db: Executor,
  email: string,
  authSecret: string,
  options: { secondFactorPending?: boolean; userAgent?: string } = {},
): Promise<string> {
  const [user] = await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  const now = new Date();
  const [session] = await db
    .insert(sessions)
    .values({
      userId: user.id,
      userSessionVersion: user.sessionVersion,
      secondFactorVerifiedAt: options.secondFactorPending ? null : now,
      // As a sign-in that just finished: the password counts as entered now (Sikkerhet asks for it within 10 minutes).
      reauthenticatedAt: options.secondFactorPending ? null : now,
      expiresAt: new Date(now.getTime() + 12 * 3_600_000),
      // Activity now: the idle timeout (lib/auth/session.ts) counts from here.
      lastSeenAt: now,
      ipAddress: '127.0.0.1',
      userAgent: options.userAgent ?? 'session-cookie',
    })
    .returning({ id: sessions.id });
  if (!session) throw new Error('session insert failed');
  const token = await encode({ token: { sub: session.id, sid: session.id }, secret: authSecret, salt: COOKIE, maxAge: 12 * 3600 });
  return `${COOKIE}=${token}`;
}

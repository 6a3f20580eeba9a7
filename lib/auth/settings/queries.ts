import 'server-only';
import { and, asc, count, desc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { passkeys, recoveryCodes, secondFactors, sessions, users } from '@/db/schema';
import { SESSION_IDLE_TIMEOUT_MS } from '@/lib/auth/session';
import type { Method } from './schemas';

/** What Sikkerhet shows about the user's own account; never secrets. */
export async function getSecurityOverview(db: Executor, userId: string) {
  const factors = await db
    .select({ method: secondFactors.method, phone: secondFactors.phone, confirmedAt: secondFactors.confirmedAt })
    .from(secondFactors)
    .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)));
  const keys = await db
    .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
  const [user] = await db.select({ preferred: users.preferredSecondFactor }).from(users).where(eq(users.id, userId));
  const codes = await db.select({ total: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const [unused] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const totp = factors.find((f) => f.method === 'totp');
  const sms = factors.find((f) => f.method === 'sms');
  const configured: Method[] = [
    ...(totp ? (['totp'] as const) : []),
    ...(sms ? (['sms'] as const) : []),
    ...(keys.length ? (['passkey'] as const) : []),
  ];
  return {
    totp: Boolean(totp),
    totpConfirmedAt: totp?.confirmedAt ?? null,
    smsPhone: sms?.phone ?? null,
    passkeys: keys,
    configured,
    preferred: configured.includes(user?.preferred ?? 'totp') ? (user?.preferred ?? 'totp') : (configured[0] ?? 'totp'),
    recoveryCodesGenerated: (codes[0]?.total ?? 0) > 0,
    recoveryCodesLeft: unused?.n ?? 0,
  };
}

export type SecurityOverview = Awaited<ReturnType<typeof getSecurityOverview>>;

/** The user's live, signed-in sessions, newest first (for "Aktive økter"). */
export async function listActiveSessions(db: Executor, userId: string, now: Date = new Date()) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, ipAddress: sessions.ipAddress, userAgent: sessions.userAgent })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        isNotNull(sessions.secondFactorVerifiedAt),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
        eq(sessions.userSessionVersion, users.sessionVersion),
      ),
    )
    .orderBy(desc(sessions.createdAt))
    .limit(50);
}

/** The methods the sign-in's second step can offer this user, preferred first. */
export async function listSignInMethods(db: Executor, userId: string) {
  const overview = await getSecurityOverview(db, userId);
  const ordered = [overview.preferred, ...overview.configured.filter((m) => m !== overview.preferred)].filter((m) =>
    overview.configured.includes(m),
  );
  return { methods: ordered, smsPhone: overview.smsPhone, hasRecoveryCodes: overview.recoveryCodesLeft > 0 };
}

import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '@/db';
import { companies, memberships } from '@/db/schema';
import { NotAllowedError } from '@/lib/errors';
import { requireUser } from './current-user';
import { roleAtLeast, type Role } from './roles';

export type Actor = { userId: string; companyId: string; role: Role };

export const ACTIVE_COMPANY_COOKIE = 'active_company';

/** The user's memberships, read from the database on every request (never from the token). */
export const listMyMemberships = cache(async (userId: string) =>
  db
    .select({ companyId: companies.id, companyName: companies.name, role: memberships.role })
    .from(memberships)
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(companies.name)),
);

/**
 * The one authorization gate. Signed in with 2FA, else redirected to sign-in; not a member of the
 * company → 404 (its existence is not revealed); role below `minRole` → NotAllowedError, nothing changed.
 */
export async function requireRole(companyId: string, minRole: Role): Promise<Actor> {
  const user = await requireUser();
  if (!z.uuid().safeParse(companyId).success) notFound();
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, user.userId), eq(memberships.companyId, companyId)));
  if (!membership) notFound();
  if (!roleAtLeast(membership.role, minRole)) throw new NotAllowedError();
  return { userId: user.userId, companyId, role: membership.role };
}

/** The company the switcher cookie selects, if the user belongs to it; otherwise their first company. */
export async function getActiveCompanyId(): Promise<string | null> {
  const user = await requireUser();
  const mine = await listMyMemberships(user.userId);
  const selected = (await cookies()).get(ACTIVE_COMPANY_COOKIE)?.value;
  return mine.find((m) => m.companyId === selected)?.companyId ?? mine[0]?.companyId ?? null;
}

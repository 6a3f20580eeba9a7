import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { cache } from 'react';
import { z } from 'zod';
import { db } from '@/db';
import { cases, companies, memberships, users } from '@/db/schema';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/database-unavailable';
import { NotAllowedError } from '@/lib/errors';
import { GateRefusal, refuse, routeMode, type Refusal } from '@/lib/auth/gate/refusal';
import { routing } from '@/lib/i18n/routing';
import { getCurrentSession } from '@/lib/auth/current-user';
import { roleAtLeast, type Role } from '@/lib/roles';
import type { Actor, CaseActor, CompanyScope, StaffActor } from '@/lib/auth/gate/checks';
import type { LiveSession, SessionMembership } from '@/lib/auth/session';

/**
 * The one access gate. Every page, server action and route handler asks it before reading or writing, and
 * nothing else reads `memberships` to decide access. Refusals: not signed in → sign-in page, second factor
 * pending → its step, not a member (or an unknown or malformed id) → not found, role too low → NotAllowedError.
 * Inside `gatedRoute` the same refusals become 401 / 404 / 403 responses.
 */

export type { Actor, CaseActor, CompanyScope, StaffActor } from '@/lib/auth/gate/checks';
export { requireDebtor, requireDebtorCase } from '@/lib/auth/gate/debtor';

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** Signed in with the second factor done: the gate for what concerns only the user's own account. */
export const requireSignedIn = cache(async (): Promise<LiveSession> => {
  const live = await getCurrentSession();
  if (!live) return refuse('signIn');
  if (!live.secondFactorVerifiedAt) return refuse('secondFactor');
  return live;
});

/**
 * The user's memberships, read from the database on every request (never from the token): for the signed-in user,
 * in the same statement as the session (lib/auth/session.ts), ordered by company name.
 */
export const listMyMemberships = cache(async (userId: string): Promise<SessionMembership[]> => {
  const live = await getCurrentSession();
  if (live?.userId === userId) return live.memberships;
  return db
    .select({ companyId: companies.id, companyName: companies.name, role: memberships.role })
    .from(memberships)
    .innerJoin(companies, eq(companies.id, memberships.companyId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(companies.name));
});

/** A member of `companyId` with at least `minRole`. */
export async function requireRole(companyId: string, minRole: Role): Promise<Actor> {
  const user = await requireSignedIn();
  if (!isUuid(companyId)) return refuse('notFound');
  const membership = (await listMyMemberships(user.userId)).find((m) => m.companyId === companyId);
  if (!membership) return refuse('notFound');
  if (!roleAtLeast(membership.role, minRole)) return refuse('forbidden');
  return { userId: user.userId, companyId, role: membership.role };
}

/** A member of the case's company with at least `minRole`; an unknown, malformed or foreign id is not found. */
export async function requireCaseRole(caseId: string, minRole: Role): Promise<CaseActor> {
  const user = await requireSignedIn();
  if (!isUuid(caseId)) return refuse('notFound');
  const [row] = await db
    .select({ companyId: cases.companyId, role: memberships.role })
    .from(cases)
    .innerJoin(memberships, and(eq(memberships.companyId, cases.companyId), eq(memberships.userId, user.userId)))
    .where(eq(cases.id, caseId));
  if (!row) return refuse('notFound');
  if (!roleAtLeast(row.role, minRole)) return refuse('forbidden');
  return { userId: user.userId, companyId: row.companyId, role: row.role, caseId };
}

/**
 * Several companies at once (the case list, the export, Innsikt): the one in `companyFilter`, which must be the
 * user's (else not found), or every company where the user has at least `minRole`.
 */
export async function requireCompanies(minRole: Role, companyFilter?: string): Promise<CompanyScope> {
  const user = await requireSignedIn();
  const mine = await listMyMemberships(user.userId);
  if (companyFilter !== undefined) {
    const chosen = mine.find((m) => m.companyId === companyFilter);
    if (!chosen) return refuse('notFound');
    if (!roleAtLeast(chosen.role, minRole)) return refuse('forbidden');
    return { userId: user.userId, companies: mine, companyIds: [chosen.companyId] };
  }
  return { userId: user.userId, companies: mine, companyIds: mine.filter((m) => roleAtLeast(m.role, minRole)).map((m) => m.companyId) };
}

/** The companies the signed-in user administers: what the invite form and "Rediger" may offer (the server re-checks). */
export async function administeredCompanies(): Promise<{ companyId: string; companyName: string }[]> {
  const scope = await requireCompanies('admin');
  return scope.companies
    .filter((c) => scope.companyIds.includes(c.companyId))
    .map(({ companyId, companyName }) => ({ companyId, companyName }));
}

/** The agency's case handlers (a flag no creditor-side screen can grant); a creditor gets not found. */
export const requireStaff = cache(async (): Promise<StaffActor> => {
  const user = await requireSignedIn();
  const [row] = await db.select({ staff: users.isAgencyStaff }).from(users).where(eq(users.id, user.userId));
  if (!row?.staff) return refuse('notFound');
  return { userId: user.userId, name: user.name, staff: true };
});

/** A creditor-side account acting for itself (accepting an invitation to a company): agency staff get not found. */
export async function requireCreditorAccount(): Promise<LiveSession> {
  const user = await requireSignedIn();
  const [row] = await db.select({ staff: users.isAgencyStaff }).from(users).where(eq(users.id, user.userId));
  if (!row || row.staff) return refuse('notFound');
  return user;
}

/** Whether the signed-in user is agency staff, for showing the desk link; access itself is requireStaff. */
export async function isStaffUser(userId: string): Promise<boolean> {
  const [row] = await db.select({ staff: users.isAgencyStaff }).from(users).where(eq(users.id, userId));
  return row?.staff ?? false;
}

export const ACTIVE_COMPANY_COOKIE = 'active_company';

/** The company the switcher cookie selects, if the user belongs to it; otherwise their first company. */
export async function getActiveCompanyId(): Promise<string | null> {
  const user = await requireSignedIn();
  const mine = await listMyMemberships(user.userId);
  const selected = (await cookies()).get(ACTIVE_COMPANY_COOKIE)?.value;
  return mine.find((m) => m.companyId === selected)?.companyId ?? mine[0]?.companyId ?? null;
}

const REFUSAL_STATUS: Record<Refusal, number> = { signIn: 401, secondFactor: 401, debtorSignIn: 401, notFound: 404, forbidden: 403 };
const REFUSAL_MESSAGE: Record<Refusal, 'signInRequired' | 'notFound' | 'notAllowed'> = {
  signIn: 'signInRequired',
  debtorSignIn: 'signInRequired',
  secondFactor: 'signInRequired',
  notFound: 'notFound',
  forbidden: 'notAllowed',
};

function requestLocale(request: NextRequest) {
  const asked = request.nextUrl.searchParams.get('locale') ?? request.cookies.get('NEXT_LOCALE')?.value;
  return hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
}

/**
 * Wraps a route handler: the gate's refusals answer 401 / 404 / 403 with a translated text, never a redirect; a
 * database that cannot be reached answers 503 with Retry-After.
 */
export function gatedRoute<Context>(handler: (request: NextRequest, context: Context) => Promise<Response>) {
  return (request: NextRequest, context: Context) =>
    routeMode.run(true, async () => {
      try {
        return await handler(request, context);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          const t = await getTranslations({ locale: requestLocale(request), namespace: 'common.errors' });
          return new Response(t('unavailable'), {
            status: 503,
            headers: {
              'Content-Type': 'text/plain; charset=utf-8',
              'Cache-Control': 'no-store',
              'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
            },
          });
        }
        const refusal = error instanceof GateRefusal ? error.refusal : error instanceof NotAllowedError ? 'forbidden' : null;
        if (!refusal) throw error;
        const t = await getTranslations({ locale: requestLocale(request), namespace: 'common.errors' });
        return new Response(t(REFUSAL_MESSAGE[refusal]), {
          status: REFUSAL_STATUS[refusal],
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        });
      }
    });
}

import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cases, debtors, events, invitationCompanies, invitations, tasks, users } from '@/db/schema';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { newInvitationToken, invitationExpiry } from '@/lib/invitations/token';
import { makeCase } from './case-factories';
import { makeCompany, makeUser } from './factories';

/** What the page paths below may point into: a company, a case with a letter, a colleague, an invitation. */
export type ScreenPaths = {
  companyId: string;
  caseId: string;
  /** A closed case with large amounts: the § 15 statement. */
  closedCaseId: string;
  letterId: string;
  colleagueId: string;
  invitationToken: string;
};

/** One company of the test's own, and its admin. */
export type ScreenFixture = ScreenPaths & { admin: Awaited<ReturnType<typeof makeUser>> };

/** `modal`: with JavaScript the page opens a modal dialog, so the page behind it (the header too) is inert. */
export type ScreenPage = { name: string; path: (fx: ScreenPaths) => string; modal?: true };

/**
 * Every signed-in creditor page (without the locale prefix), each state that opens something wide
 * (a dialog, a form, a letter). A new page adds its line here, and the small-screen test visits it in nb and en,
 * on a company of its own (lists empty or nearly) and on the demo's data (lists full).
 */
export const PORTAL_PAGES: ScreenPage[] = [
  { name: 'Saker', path: () => '/cases' },
  { name: 'Saker, filtered by date', path: () => '/cases?from=2020-01-01&to=2030-12-31' },
  { name: 'Saker, closed cases', path: () => '/cases?status=closed' },
  { name: 'Saker, a search that finds nothing', path: () => '/cases?q=ingen-slik-skyldner' },
  { name: 'a case, Oversikt', path: (fx) => `/cases/${fx.caseId}` },
  { name: 'a case, Historikk with a letter open', path: (fx) => `/cases/${fx.caseId}?tab=history&letter=${fx.letterId}` },
  { name: 'a case, Registrer betaling', path: (fx) => `/cases/${fx.caseId}?action=payment` },
  { name: 'a case, Pause sak', path: (fx) => `/cases/${fx.caseId}?confirm=pause` },
  { name: 'a closed case, § 15 statement', path: (fx) => `/cases/${fx.closedCaseId}/statement` },
  { name: 'Innsikt', path: () => '/insights' },
  { name: 'Innsikt, answered tasks', path: () => '/insights?show=answered' },
  { name: 'Rapporter', path: () => '/reports' },
  { name: 'Innstillinger', path: () => '/settings' },
  { name: 'Profil', path: () => '/settings/profile' },
  { name: 'Varslinger', path: () => '/settings/notifications' },
  { name: 'Brukere', path: (fx) => `/settings/users?company=${fx.companyId}` },
  { name: 'Brukere, + Inviter brukere', path: (fx) => `/settings/users?company=${fx.companyId}&invite=1`, modal: true },
  { name: 'Integrasjoner', path: (fx) => `/settings/company/integrations?company=${fx.companyId}` },
  { name: 'Integrasjoner, API-referanse', path: () => '/settings/company/integrations/api' },
  { name: 'Brukere, Rediger', path: (fx) => `/settings/users?company=${fx.companyId}&edit=${fx.colleagueId}`, modal: true },
  { name: 'Oppgjørsrapporter', path: (fx) => `/settings/company/settlement?company=${fx.companyId}` },
  { name: 'Sikkerhet', path: () => '/settings/security' },
  { name: 'Betaprogram', path: () => '/settings/beta' },
  { name: '+ Ny faktura', path: () => '/cases/new' },
  { name: 'Hjelp', path: () => '/help' },
  { name: 'Hjelp, a search', path: () => '/help?q=faktura' },
  { name: 'Hjelp, an article', path: () => '/help/see-invoice-history' },
  { name: 'Hjelp, roles', path: () => '/help/roles' },
];

/** The agency's desk (staff only); desk pages add their line here. */
export const DESK_PAGES: ScreenPage[] = [
  { name: 'desk, Oversikt', path: () => '/desk' },
  { name: 'desk, tasks', path: () => '/desk/tasks' },
  { name: 'desk, payments', path: () => '/desk/payments' },
  { name: 'desk, settlements', path: () => '/desk/settlements' },
  { name: 'desk, rates', path: () => '/desk/rates' },
  { name: 'desk, a closed case’s § 15 statement', path: (fx) => `/desk/cases/${fx.closedCaseId}/statement` },
];

/** Pages before sign-in; `/login/verify` is visited by the test after the password step. */
export const PUBLIC_PAGES: ScreenPage[] = [
  { name: 'Logg inn', path: () => '/login' },
  { name: 'an invitation', path: (fx) => `/invitation/${fx.invitationToken}` },
  { name: 'a dead invitation link', path: () => '/invitation/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  { name: 'invitation accepted', path: () => '/invitation/accepted' },
  { name: 'a page that does not exist', path: () => '/no-such-page' },
];

/**
 * A company with long names in the places that tend to push a phone screen wide: a long debtor name, a
 * colleague with a long email address, and a pending invitation.
 */
export async function arrangeScreens(db: Executor, locale: 'nb' | 'en'): Promise<ScreenFixture> {
  const company = await makeCompany(db, { name: 'Vestlandets Rørleggerservice og Varmepumpeinstallasjon AS' });
  const admin = await makeUser(db, {
    locale,
    name: 'Kristoffer Johannessen-Bakkeli',
    memberships: [{ companyId: company.id, role: 'admin' }],
  });
  const colleague = await makeUser(db, {
    locale,
    name: 'Ingrid Marie Solheim-Haugland',
    memberships: [{ companyId: company.id, role: 'read' }],
  });
  const debtCase = await makeCase(db, {
    companyId: company.id,
    debtorName: 'Hordaland Eiendomsforvaltning og Utleie Aksjeselskap',
    invoiceAmountsOre: [123_456_789, 9_876_500],
  });
  const closed = await makeCase(db, {
    companyId: company.id,
    status: 'closed',
    stage: 'closed',
    debtorName: 'Hordaland Eiendomsforvaltning og Utleie Aksjeselskap',
    invoiceAmountsOre: [123_456_789],
    feeOre: 504_000,
    interestOre: 1_234_567,
  });
  const [letter] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'letter.sent')));
  if (!letter) throw new Error('makeCase wrote no letter');
  const { token, tokenHash } = newInvitationToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      email: 'regnskapsavdelingen.vestlandet@eksempel-regnskap.no',
      role: 'write',
      locale,
      tokenHash,
      invitedByUserId: admin.id,
      expiresAt: invitationExpiry(),
    })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error('invitation insert failed');
  await db.insert(invitationCompanies).values({ companyId: company.id, invitationId: invitation.id });
  return {
    admin,
    companyId: company.id,
    caseId: debtCase.id,
    closedCaseId: closed.id,
    letterId: letter.id,
    colleagueId: colleague.id,
    invitationToken: token,
  };
}

/** The demo's sign-ins that see its data: Administrator in all three companies, and Lese in the first. */
export const DEMO_SCREEN_USERS = ['admin@demo.no', 'les@demo.no'] as const;

/**
 * The same pages on the demo's data (seeded by the e2e setup): its first company, the case with an open task and a
 * letter whose debtor has the longest name, and the Skrive user as the colleague.
 */
export async function demoScreens(db: Executor): Promise<ScreenPaths> {
  const companyId = DEMO_COMPANIES[0].id;
  const [found] = await db
    .select({ caseId: cases.id, letterId: sql<string>`min(${events.id}::text)` })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(debtors, eq(debtors.id, cases.debtorId))
    .innerJoin(events, and(eq(events.caseId, cases.id), eq(events.type, 'letter.sent')))
    .where(and(eq(tasks.companyId, companyId), eq(tasks.status, 'open')))
    .groupBy(cases.id, debtors.name)
    .orderBy(desc(sql`length(${debtors.name})`))
    .limit(1);
  // The closed case with the largest claim: the longest lines on its § 15 statement.
  const [closed] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.companyId, companyId), eq(cases.status, 'closed')))
    .orderBy(desc(cases.originalAmountOre), cases.id)
    .limit(1);
  const [colleague] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'skriv@demo.no'));
  if (!found || !closed || !colleague)
    throw new Error('the demo has no case with an open task and a letter, no closed case, or no skriv@demo.no');
  return {
    companyId,
    caseId: found.caseId,
    closedCaseId: closed.id,
    letterId: found.letterId,
    colleagueId: colleague.id,
    invitationToken: '',
  };
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { events, invitationCompanies, invitations } from '@/db/schema';
import { newInvitationToken, invitationExpiry } from '@/lib/invitations/token';
import { makeCase } from './case-factories';
import { makeCompany, makeUser } from './factories';

/** What the page paths below may point into: one company of the test's own, its admin, a case, a colleague. */
export type ScreenFixture = {
  admin: Awaited<ReturnType<typeof makeUser>>;
  companyId: string;
  caseId: string;
  /** A closed case with large amounts: the § 15 statement. */
  closedCaseId: string;
  letterId: string;
  colleagueId: string;
  invitationToken: string;
};

/** `modal`: with JavaScript the page opens a modal dialog, so the page behind it (the header too) is inert. */
export type ScreenPage = { name: string; path: (fx: ScreenFixture) => string; modal?: true };

/**
 * Every signed-in creditor page (without the locale prefix), each state that opens something wide
 * (a dialog, a form, a letter). A new page adds its line here, and the small-screen test visits it in nb and en.
 */
export const PORTAL_PAGES: ScreenPage[] = [
  { name: 'Saker', path: () => '/cases' },
  { name: 'Saker, filtered by date', path: () => '/cases?from=2020-01-01&to=2030-12-31' },
  { name: 'a case, Oversikt', path: (fx) => `/cases/${fx.caseId}` },
  { name: 'a case, Historikk with a letter open', path: (fx) => `/cases/${fx.caseId}?tab=history&letter=${fx.letterId}` },
  { name: 'a case, Registrer betaling', path: (fx) => `/cases/${fx.caseId}?action=payment` },
  { name: 'a case, Pause sak', path: (fx) => `/cases/${fx.caseId}?confirm=pause` },
  { name: 'a closed case, § 15 statement', path: (fx) => `/cases/${fx.closedCaseId}/statement` },
  { name: 'Innsikt', path: () => '/insights' },
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
  const admin = await makeUser(db, { locale, name: 'Kristoffer Johannessen-Bakkeli', memberships: [{ companyId: company.id, role: 'admin' }] });
  const colleague = await makeUser(db, { locale, name: 'Ingrid Marie Solheim-Haugland', memberships: [{ companyId: company.id, role: 'read' }] });
  const debtCase = await makeCase(db, { companyId: company.id, debtorName: 'Hordaland Eiendomsforvaltning og Utleie Aksjeselskap', invoiceAmountsOre: [123_456_789, 9_876_500] });
  const closed = await makeCase(db, { companyId: company.id, status: 'closed', stage: 'closed', debtorName: 'Hordaland Eiendomsforvaltning og Utleie Aksjeselskap', invoiceAmountsOre: [123_456_789], feeOre: 504_000, interestOre: 1_234_567 });
  const [letter] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'letter.sent')));
  if (!letter) throw new Error('makeCase wrote no letter');
  const { token, tokenHash } = newInvitationToken();
  const [invitation] = await db
    .insert(invitations)
    .values({ email: 'regnskapsavdelingen.vestlandet@eksempel-regnskap.no', role: 'write', locale, tokenHash, invitedByUserId: admin.id, expiresAt: invitationExpiry() })
    .returning({ id: invitations.id });
  if (!invitation) throw new Error('invitation insert failed');
  await db.insert(invitationCompanies).values({ companyId: company.id, invitationId: invitation.id });
  return { admin, companyId: company.id, caseId: debtCase.id, closedCaseId: closed.id, letterId: letter.id, colleagueId: colleague.id, invitationToken: token };
}

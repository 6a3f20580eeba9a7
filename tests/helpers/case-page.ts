import type { Page } from 'playwright-core';
import type { Executor } from '@/db/client';
import type { Role } from '@/lib/roles';
import { makeCase, type CaseOptions } from './case-factories';
import { makeCompany, makeUser } from './factories';

export type Locale = 'nb' | 'en';

/** The labels the help articles name, in both languages (shared/spec/ui-contract.md). */
export const LABELS = {
  nb: {
    cases: 'Saker',
    mainMenu: 'Hovedmeny',
    search: 'Søk på saksnummer eller fakturanummer',
    searchButton: 'Søk',
    overview: 'Oversikt',
    history: 'Historikk',
    filter: 'Filtrer',
    applyFilter: 'Bruk filter',
    paymentInfo: 'Betalingsinformasjon',
    openLetter: 'Åpne brev',
    manage: 'Behandle',
    pause: 'Pause sak',
    resume: 'Gjenoppta sak',
    withdraw: 'Trekk sak',
    edit: 'Endre sak',
    registerPayment: 'Registrer betaling',
    credit: 'Kreditering',
    registerCredit: 'Registrer kreditering',
    invoice: 'Faktura',
    paidOn: 'Betalingsdato',
    currency: 'Valuta',
    amount: 'Beløp',
    reason: 'Begrunnelse',
    rolesLink: 'Les mer om de ulike rollene her',
  },
  en: {
    cases: 'Cases',
    mainMenu: 'Main menu',
    search: 'Search by case or invoice number',
    searchButton: 'Search',
    overview: 'Overview',
    history: 'History',
    filter: 'Filter',
    applyFilter: 'Apply filter',
    paymentInfo: 'Payment information',
    openLetter: 'Open letter',
    manage: 'Manage',
    pause: 'Pause case',
    resume: 'Resume case',
    withdraw: 'Withdraw case',
    edit: 'Edit case',
    registerPayment: 'Register payment',
    credit: 'Credit',
    registerCredit: 'Register credit',
    invoice: 'Invoice',
    paidOn: 'Payment date',
    currency: 'Currency',
    amount: 'Amount',
    reason: 'Reason',
    rolesLink: 'Read more about the roles here',
  },
} as const;

/** A fresh company with one case and a user of the given role in it; nothing shared with other tests. */
export async function arrangeCase(
  db: Executor,
  options: { role?: Role; locale?: Locale; autocollect?: boolean; caseOptions?: Omit<CaseOptions, 'companyId'> } = {},
) {
  const company = await makeCompany(db, options.autocollect ? { autocollectEnabled: true } : {});
  const user = await makeUser(db, {
    memberships: [{ companyId: company.id, role: options.role ?? 'write' }],
    locale: options.locale ?? 'nb',
  });
  const debtCase = await makeCase(db, { companyId: company.id, ...options.caseOptions });
  return { company, user, debtCase };
}

/**
 * Steps 1–3 of the help articles: "Gå til Saker", "Søk opp aktuell sak med saksnummer", "Trykk på aktuell sak" —
 * through the list page's search box and the case number link in the result row.
 */
export async function openCaseFromList(page: Page, locale: Locale, caseNumber: number) {
  const l = LABELS[locale];
  await page.getByRole('navigation', { name: l.mainMenu }).getByRole('link', { name: l.cases }).click();
  await page.getByLabel(l.search).fill(String(caseNumber));
  await page.getByRole('button', { name: l.searchButton, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === String(caseNumber));
  await page.getByRole('link', { name: String(caseNumber), exact: true }).click();
  await page.waitForURL(`**/${locale}/cases/*`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`\\b${caseNumber}\\b`) }).waitFor();
}

/** Opens a <details> menu by its summary, follows one of its items and waits for the step it leads to. */
export async function chooseFromMenu(page: Page, menu: string, item: string) {
  await page.locator('summary', { hasText: menu }).click();
  const link = page.getByRole('link', { name: item, exact: true });
  const target = new URL((await link.getAttribute('href')) ?? '', page.url());
  await link.click();
  await page.waitForURL((url) => url.pathname === target.pathname && url.search === target.search);
}

/** The text a user reads, with no-break spaces as plain spaces. */
export async function visibleText(page: Page, selector = 'main') {
  return ((await page.locator(selector).innerText()) ?? '').replace(/[\u00A0\u202F]/g, ' ');
}

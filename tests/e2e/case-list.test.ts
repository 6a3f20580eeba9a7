import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openDatabase } from '@/db/client';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeListedCase } from '@/tests/helpers/case-list-fixtures';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const db = handle.db;
const DAY = 86_400_000;

type Listed = Awaited<ReturnType<typeof makeListedCase>>;
let company: Awaited<ReturnType<typeof makeCompany>>;
let otherCompany: Awaited<ReturnType<typeof makeCompany>>;
const cases = {} as Record<'recentActive' | 'olderActive' | 'oldActive' | 'paused' | 'closed' | 'twoInvoices', Listed>;
let theirs: Listed;

/** A calendar day in Oslo `daysAgo` days back, as the date inputs take it. */
function osloDay(daysAgo: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(Date.now() - daysAgo * DAY));
}

function atNoon(daysAgo: number): Date {
  return new Date(`${osloDay(daysAgo)}T11:00:00Z`);
}

/**
 * The case numbers of the visible list. A client-side navigation can leave the previous page's table in the DOM
 * for a moment after the URL changed, so callers poll this until the new page shows.
 */
async function tableCaseNumbers(page: Page): Promise<number[]> {
  const cells = await page.locator('main table:visible tbody tr th').allTextContents();
  return cells.map((text) => Number(text.trim()));
}

/** Clicks Eksporter/Export and returns the downloaded workbook, read back with xlsx (our own output only). */
async function exportWorkbook(page: Page, label: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: label, exact: true }).click()]);
  const file = await download.path();
  const workbook = XLSX.read(readFileSync(file), { type: 'buffer', cellDates: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (!sheet) throw new Error('empty workbook');
  return {
    name: download.suggestedFilename(),
    sheetName: workbook.SheetNames[0],
    rows: XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 }),
  };
}

beforeAll(async () => {
  company = await makeCompany(db, { name: 'Oversikt Test AS' });
  otherCompany = await makeCompany(db, { name: 'Hemmelig Kreditor AS' });
  const companyId = company.id;
  cases.recentActive = await makeListedCase(db, {
    companyId,
    debtorName: 'Bjørn Bjørnstad',
    registeredAt: atNoon(10),
    originalAmountOre: 123_450,
    balanceOre: 100_000,
  });
  cases.olderActive = await makeListedCase(db, { companyId, debtorName: 'Åse Lærum', registeredAt: atNoon(40), stage: 'notice' });
  cases.oldActive = await makeListedCase(db, { companyId, registeredAt: atNoon(300) });
  cases.paused = await makeListedCase(db, { companyId, status: 'paused', registeredAt: atNoon(20) });
  cases.closed = await makeListedCase(db, { companyId, status: 'closed', stage: 'closed', registeredAt: atNoon(15), balanceOre: 0 });
  cases.twoInvoices = await makeListedCase(db, { companyId, registeredAt: atNoon(400), invoiceNumbers: ['E2E-81001', 'E2E-81002'] });
  theirs = await makeListedCase(db, {
    companyId: otherCompany.id,
    debtorName: 'Hemmelig Skyldner',
    invoiceNumbers: ['E2E-99999'],
    registeredAt: atNoon(12),
  });
});

afterAll(async () => {
  await handle.close();
});

describe.each([
  {
    locale: 'nb',
    cases: 'Saker',
    active: 'Aktiv',
    chooseDate: 'Velg dato',
    from: 'Fra dato',
    to: 'Til dato',
    apply: 'Bruk dato',
    export: 'Eksporter',
    headers: ['Selskap', 'Saksnummer', 'Fakturanummer'],
    status: 'Aktiv',
    file: /^saker-\d{4}-\d{2}-\d{2}\.xlsx$/,
  },
  {
    locale: 'en',
    cases: 'Cases',
    active: 'Active',
    chooseDate: 'Choose date',
    from: 'From date',
    to: 'To date',
    apply: 'Apply date',
    export: 'Export',
    headers: ['Company', 'Case number', 'Invoice number'],
    status: 'Active',
    file: /^cases-\d{4}-\d{2}-\d{2}\.xlsx$/,
  },
] as const)('help article "Oversikt over åpne saker" ($locale)', (labels) => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await openBrowser()));
  afterAll(async () => context.close());

  it('filters on Aktiv and a registration date, shows the list and exports it', async () => {
    const user = await makeUser(db, { locale: labels.locale, memberships: [{ companyId: company.id, role: 'write' }] });
    await signIn(page, db, user, labels.locale);
    await page.goto(`/${labels.locale}/insights`);
    // 1. Gå til Saker
    await page.getByRole('navigation').getByRole('link', { name: labels.cases, exact: true }).click();
    await page.waitForURL(`**/${labels.locale}/cases`);
    await expect.poll(() => tableCaseNumbers(page)).toHaveLength(6);
    // 2. Velg filter Aktiv
    await page.getByRole('link', { name: labels.active, exact: true }).click();
    await page.waitForURL(/status=active/);
    await expect
      .poll(() => tableCaseNumbers(page))
      .toEqual([cases.recentActive.caseNumber, cases.olderActive.caseNumber, cases.oldActive.caseNumber, cases.twoInvoices.caseNumber]);
    // 3. Velg dato: the last 60 days
    await page.getByText(labels.chooseDate, { exact: false }).click();
    await page.getByLabel(labels.from, { exact: true }).fill(osloDay(60));
    await page.getByLabel(labels.to, { exact: true }).fill(osloDay(0));
    await page.getByRole('button', { name: labels.apply }).click();
    await page.waitForURL(/from=/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ status: 'active', from: osloDay(60), to: osloDay(0) });
    await expect.poll(() => tableCaseNumbers(page)).toEqual([cases.recentActive.caseNumber, cases.olderActive.caseNumber]);
    const firstRow = page.locator('table tbody tr').first();
    await expect(firstRow.textContent()).resolves.toContain(labels.status);
    await expect(firstRow.getByRole('link').getAttribute('href')).resolves.toBe(`/${labels.locale}/cases/${cases.recentActive.id}`);

    // Eksporter: the same two cases, typed, with headers in the page's language.
    const download = await exportWorkbook(page, labels.export);
    expect(download.name).toMatch(labels.file);
    const [headers, first, second, ...rest] = download.rows;
    expect(headers?.slice(0, 3)).toEqual(labels.headers);
    expect(rest).toEqual([]);
    expect(first?.slice(0, 5)).toEqual([
      'Oversikt Test AS',
      cases.recentActive.caseNumber,
      cases.recentActive.invoiceNumbers[0],
      cases.recentActive.debtor.customerNumber,
      'Bjørn Bjørnstad',
    ]);
    expect(first?.[5]).toBeInstanceOf(Date);
    expect(first?.slice(6)).toEqual([labels.status, labels.locale === 'nb' ? 'Purring' : 'Reminder', 1234.5, 1000, 'NOK']);
    expect(second?.[1]).toBe(cases.olderActive.caseNumber);
    expect(second?.[4]).toBe('Åse Lærum');
  });
});

describe('finding a case (help article "Se historikk på faktura", steps 1–2)', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await openBrowser());
    await signIn(page, db, await makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }] }), 'nb');
  });
  afterAll(async () => context.close());

  it.each([
    ['case number', () => String(cases.paused.caseNumber), () => cases.paused],
    ['invoice number', () => 'E2E-81002', () => cases.twoInvoices],
  ])('finds a case by its %s', async (_what, query, expected) => {
    await page.goto('/nb/cases');
    await page.getByLabel('Søk på saksnummer eller fakturanummer').fill(query());
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => tableCaseNumbers(page)).toEqual([expected().caseNumber]);
    await expect(page.locator('table tbody tr').first().getByRole('link').getAttribute('href')).resolves.toBe(`/nb/cases/${expected().id}`);
  });

  it('finds a debtor by part of the name without the Norwegian letters', async () => {
    await page.goto('/nb/cases?q=bjornst');
    await expect.poll(() => tableCaseNumbers(page)).toEqual([cases.recentActive.caseNumber]);
  });
});

describe('without JavaScript', () => {
  it('searches, filters on status and date, and exports with plain links and GET forms', async () => {
    const { context, page } = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(page, db, await makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }] }), 'nb');
      await page.getByLabel('Søk på saksnummer eller fakturanummer').fill('lærum');
      await page.getByRole('button', { name: 'Søk', exact: true }).click();
      await page.waitForURL(/q=l%C3%A6rum/);
      await expect.poll(() => tableCaseNumbers(page)).toEqual([cases.olderActive.caseNumber]);

      await page.goto('/nb/cases');
      await page.getByRole('link', { name: 'Pauset', exact: true }).click();
      await page.waitForURL(/status=paused/);
      await expect.poll(() => tableCaseNumbers(page)).toEqual([cases.paused.caseNumber]);
      await page.getByRole('link', { name: 'Alle', exact: true }).click();
      await page.waitForURL((url) => !url.search.includes('status='));
      await page.getByText('Velg dato').click();
      await page.getByLabel('Fra dato').fill(osloDay(25));
      await page.getByLabel('Til dato').fill(osloDay(12));
      await page.getByRole('button', { name: 'Bruk dato' }).click();
      await page.waitForURL(/to=/);
      await expect.poll(() => tableCaseNumbers(page)).toEqual([cases.closed.caseNumber, cases.paused.caseNumber]);
      const download = await exportWorkbook(page, 'Eksporter');
      expect(download.rows.slice(1).map((row) => row[1])).toEqual([cases.closed.caseNumber, cases.paused.caseNumber]);
    } finally {
      await context.close();
    }
  });
});

describe('access', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => ({ context, page } = await openBrowser()));
  afterAll(async () => context.close());

  it('lets a Lese user see the list and export it, and never shows another company’s case', async () => {
    await signIn(page, db, await makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }] }), 'nb');
    const listed = await tableCaseNumbers(page);
    expect(listed).toHaveLength(6);
    expect(listed).not.toContain(theirs.caseNumber);
    await expect(page.getByText('Hemmelig').count()).resolves.toBe(0);
    for (const q of [String(theirs.caseNumber), 'E2E-99999', 'Hemmelig Skyldner', theirs.debtor.customerNumber]) {
      await page.goto(`/nb/cases?q=${encodeURIComponent(q)}`);
      await page.getByText('Ingen saker passer søket eller filtrene.').waitFor();
    }
    await page.goto('/nb/cases');
    const download = await exportWorkbook(page, 'Eksporter');
    expect(download.rows).toHaveLength(7);
    expect(download.rows.slice(1).map((row) => row[0])).toEqual(Array(6).fill('Oversikt Test AS'));

    // Naming the other company in the URL: not found, on the page and on the export.
    await page.goto(`/nb/cases?company=${otherCompany.id}`);
    await page.getByRole('heading', { name: 'Siden finnes ikke' }).waitFor();
    await expect(page.locator('table').count()).resolves.toBe(0);
    const exportResponse = await context.request.get(`/api/cases/export?locale=nb&company=${otherCompany.id}`, { maxRedirects: 0 });
    expect(exportResponse.status()).toBe(404);
    const own = await context.request.get(`/api/cases/export?locale=nb&company=${company.id}`, { maxRedirects: 0 });
    expect(own.status()).toBe(200);
    expect(own.headers()['content-disposition']).toMatch(
      /^attachment; filename="saker-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''saker-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
  });

  it('answers a signed-out export request with 401 and a translated text, not a file', async () => {
    await context.clearCookies();
    const response = await context.request.get('/api/cases/export?locale=en', { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    await expect(response.text()).resolves.toBe('You must sign in to do this.');
  });
});

describe('bad query parameters', () => {
  it.each([
    ['nb', 'Noen av filtrene i adressen var ugyldige og er nullstilt.', 'Alle'],
    ['en', 'Some filters in the address were invalid and have been reset.', 'All'],
  ] as const)('show the default list with a translated notice (%s)', async (locale, notice, all) => {
    const { context, page } = await openBrowser();
    try {
      await signIn(page, db, await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'read' }] }), locale);
      const response = await page.goto(`/${locale}/cases?page=-1&status=foo&from=2026-13-45&sort=sideways&after=%27%3B--`);
      expect(response?.status()).toBe(200);
      await page.getByText(notice).waitFor();
      await expect(page.getByRole('link', { name: all, exact: true }).getAttribute('aria-current')).resolves.toBe('page');
      await expect.poll(() => tableCaseNumbers(page)).toHaveLength(6);
      const unknownCursor = await page.goto(`/${locale}/cases?after=2026-01-01T00:00:00.000000Z_not-a-uuid&page=9`);
      expect(unknownCursor?.status()).toBe(200);
      await expect.poll(() => tableCaseNumbers(page)).toHaveLength(6);
    } finally {
      await context.close();
    }
  });
});

import { unzipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { remittanceSlips } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { formatOreNumber } from '@/lib/money';
import { runSettlement } from '@/lib/settlements/run';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCase } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { addDays, todayInOslo } from '@/lib/dates';

const { db, page } = browserSuite();

function isoDaysAgo(days: number): string {
  return addDays(todayInOslo(), -days);
}

let company: Awaited<ReturnType<typeof makeCompany>>;
let otherSlipId: string;
let readerOf: (locale: 'nb' | 'en') => ReturnType<typeof makeUser>;

beforeAll(async () => {
  company = await makeCompany(db, { name: 'Remittering Sørlandet AS' });
  const second = await makeCompany(db, { name: 'Annet Selskap AS' });
  const foreign = await makeCompany(db, { name: 'Fremmed AS' });
  // Lese is enough to see and download the company's slips.
  // A fresh user per sign-in: a TOTP step is accepted once, so reusing one user would wait for the next step.
  readerOf = (locale) =>
    makeUser(db, {
      locale,
      memberships: [
        { companyId: company.id, role: 'read' },
        { companyId: second.id, role: 'read' },
      ],
    });
  const staff = await makeStaff(db);
  const pay = async (companyId: string, paidOn: string, amountOre: number, debtorName: string) => {
    const debtCase = await makeCase(db, { companyId, stage: 'demand', invoiceAmountsOre: [500_000], feeOre: 70_000, debtorName });
    await db.transaction((tx) =>
      receiveDebtorPayment(tx, staff, { paidOn, kid: debtCase.kid, amountOre, payer: debtorName, bankReference: bankReference() }, 'desk'),
    );
  };
  await pay(company.id, isoDaysAgo(20), 300_000, 'Åse Ødegård');
  await pay(company.id, isoDaysAgo(20), 123_456, 'Bjørn Æsøy');
  await db.transaction((tx) => runSettlement(tx, company.id, isoDaysAgo(19)));
  await pay(company.id, isoDaysAgo(10), 250_000, 'Kåre Lømo');
  await db.transaction((tx) => runSettlement(tx, company.id, isoDaysAgo(9)));
  await pay(second.id, isoDaysAgo(10), 90_000, 'Ikke Valgt');
  await db.transaction((tx) => runSettlement(tx, second.id, isoDaysAgo(9)));
  await pay(foreign.id, isoDaysAgo(10), 90_000, 'Hemmelig Skyldner');
  const result = await db.transaction((tx) => runSettlement(tx, foreign.id, isoDaysAgo(9)));
  if (result.outcome !== 'created') throw new Error('foreign slip missing');
  otherSlipId = result.slipId;
});

async function pdfText(bytes: Uint8Array): Promise<string> {
  // A copy: pdf.js transfers the buffer to its worker, which a view into the ZIP's buffer cannot be.
  const { text } = await extractText(await getDocumentProxy(Uint8Array.from(bytes)), { mergePages: true });
  return text.replace(/[\u00A0\u202F]/g, ' ');
}

const LABELS = {
  nb: {
    nav: 'Rapporter',
    from: 'Fra',
    to: 'Til',
    company: 'Selskap',
    show: 'Vis',
    download: 'Last ned 2 valgte',
    none: 'Last ned 0 valgte',
    title: 'Remitteringsbilag',
    total: 'Sum',
  },
  en: {
    nav: 'Reports',
    from: 'From',
    to: 'To',
    company: 'Company',
    show: 'Show',
    download: 'Download 2 selected',
    none: 'Download 0 selected',
    title: 'Remittance slip',
    total: 'Total',
  },
} as const;

async function walkTheArticle(p: Page, locale: 'nb' | 'en') {
  const l = LABELS[locale];
  await signIn(p, db, await readerOf(locale), locale);
  // 1. Gå til Rapporter
  await p.getByRole('link', { name: l.nav, exact: true }).click();
  await p.waitForURL(`**/${locale}/reports`);
  // 2. Velg dato og riktig selskap
  await p.getByLabel(l.from, { exact: true }).fill(isoDaysAgo(30));
  await p.getByLabel(l.to, { exact: true }).fill(isoDaysAgo(1));
  await p.getByLabel(l.company, { exact: true }).selectOption({ label: company.name });
  await p.getByRole('button', { name: l.show }).click();
  await p.waitForURL(/company=/);
  const boxes = p.locator('tbody input[type=checkbox][name=ids]');
  await expect.poll(() => boxes.count()).toBe(2);
  await expect.poll(() => p.getByRole('button', { name: l.none }).isDisabled()).toBe(true);
  // 3. Marker et eller flere remitteringsbilag
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  // 4. Trykk Last ned X valgte
  const button = p.getByRole('button', { name: l.download });
  const [download] = await Promise.all([p.waitForEvent('download'), button.click()]);
  return download;
}

describe.each(['nb', 'en'] as const)('Finne remitteringsbilag (%s)', (locale) => {
  it('Rapporter → date and company → mark two → "Last ned 2 valgte" → a ZIP of two PDFs whose totals are the database’s', async () => {
    const download = await walkTheArticle(page, locale);
    const name = download.suggestedFilename();
    expect(name).toBe(`remitteringsbilag-remittering-sorlandet-as-${isoDaysAgo(19)}-${isoDaysAgo(9)}.zip`);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const slips = await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id));
    expect(Object.keys(files).sort()).toEqual(slips.map((s) => `remitteringsbilag-remittering-sorlandet-as-${s.slipNumber}.pdf`).sort());
    for (const slip of slips) {
      const text = await pdfText(files[`remitteringsbilag-remittering-sorlandet-as-${slip.slipNumber}.pdf`]!);
      expect(text).toContain(`${LABELS[locale].title} ${slip.slipNumber}`);
      expect(text).toContain('Remittering Sørlandet AS');
      expect(text).toContain(slip.bankReference);
      const totalsLine = [slip.principalOre, slip.interestOre, slip.agencyFeeOre, slip.vatOre, slip.netOre].map((ore) =>
        formatOreNumber(ore, locale).replace(/[\u00A0\u202F]/g, ' '),
      );
      expect(text).toContain(`${LABELS[locale].total} ${totalsLine.join(' ')}`);
      expect(slip.netOre).toBe(slip.principalOre + slip.interestOre - slip.vatOre);
    }
    const all = await pdfText(files[Object.keys(files)[0]!]!);
    expect(all).toMatch(/Ødegård|Æsøy|Lømo/);
  });
});

describe('access and bad downloads', () => {
  it('another company’s slip: 404 in the page and in the download route; bad selections are a translated 4xx', async () => {
    await signIn(page, db, await readerOf('nb'), 'nb');
    const response = await page.goto(`/nb/reports/${otherSlipId}`);
    expect(response?.status()).toBe(404);
    const request = page.context().request;
    const foreign = await request.get(`/api/reports/download?locale=nb&ids=${otherSlipId}`);
    expect(foreign.status()).toBe(404);
    expect(await foreign.text()).not.toContain('Hemmelig');
    const none = await request.get('/api/reports/download?locale=nb');
    expect([none.status(), await none.text()]).toEqual([400, 'Velg minst ett remitteringsbilag.']);
    const bad = await request.get('/api/reports/download?locale=en&ids=not-a-uuid');
    expect([bad.status(), await bad.text()]).toEqual([400, 'Invalid remittance slip.']);
    const many = Array.from({ length: 201 }, () => `ids=${crypto.randomUUID()}`).join('&');
    const tooMany = await request.get(`/api/reports/download?locale=nb&${many}`);
    expect([tooMany.status(), await tooMany.text()]).toEqual([400, 'Du kan laste ned høyst 200 remitteringsbilag om gangen.']);
    const foreignXlsx = await request.get(`/api/reports/slips/${otherSlipId}/xlsx?locale=nb`);
    expect(foreignXlsx.status()).toBe(404);
  });

  it('one slip downloads as a PDF, and opens as a page', async () => {
    await signIn(page, db, await readerOf('nb'), 'nb');
    const [slip] = await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id)).limit(1);
    const pdf = await page.context().request.get(`/api/reports/download?locale=nb&ids=${slip!.id}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(await pdfText(new Uint8Array(await pdf.body()))).toContain(slip!.bankReference);
    await page.goto(`/nb/reports/${slip!.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(`Remitteringsbilag ${slip!.slipNumber}`);
  });
});

describe('without JavaScript', () => {
  it('the checkboxes and "Last ned valgte" still work as a plain form', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plain.page, db, await readerOf('nb'), 'nb');
      await plain.page.goto(`/nb/reports?company=${company.id}`);
      const button = plain.page.getByRole('button', { name: 'Last ned valgte', exact: true });
      expect(await button.isEnabled()).toBe(true);
      await plain.page.locator('tbody input[type=checkbox][name=ids]').first().check();
      const [download] = await Promise.all([plain.page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toMatch(/^remitteringsbilag-remittering-sorlandet-as-\d{4}-\d{4}\.pdf$/);
      expect(await pdfText(new Uint8Array(readFileSync(await download.path())))).toContain('Remittering Sørlandet AS');
    } finally {
      await plain.context.close();
    }
  });
});

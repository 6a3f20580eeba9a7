import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { companies, outbox, remittanceSlips, users } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { runSettlement } from '@/lib/settlements/run';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCase } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { todayInOslo } from '@/lib/dates';

const { db, page } = browserSuite();
// After a click, wait for what the server answers (Playwright's wait, up to its timeout), never expect.poll's one
// second: under two e2e workers, a run, its revalidation and a page listing every company in the worker's database
// (others' files add theirs) take longer than that.

const L = {
  nb: {
    nav: 'Oppgjørsrapporter',
    email: 'E-post for oppgjørsrapporter',
    language: 'Språk i e-posten og bilaget',
    save: 'Lagre',
    saved: 'Oppgjørsrapportene er lagret.',
    subject: 'Remitteringsbilag',
    download: 'Last ned vedlegg 1 (PDF)',
  },
  en: {
    nav: 'Settlement reports',
    email: 'Email for settlement reports',
    language: 'Language of the email and the slip',
    save: 'Save',
    saved: 'Settlement reports saved.',
    subject: 'Remittance slip',
    download: 'Download attachment 1 (PDF)',
  },
} as const;

/** An Administrator sets the address in Innstillinger → Selskap → Oppgjørsrapporter; a run then mails the slip. */
async function setAddressAndSettle(p: Page, locale: 'nb' | 'en') {
  const l = L[locale];
  const company = await makeCompany(db, { name: `Oppgjør ${locale.toUpperCase()} ${crypto.randomUUID().slice(0, 4)} AS` });
  const admin = await makeUser(db, { locale, memberships: [{ companyId: company.id, role: 'admin' }] });
  const address = `regnskap-${crypto.randomUUID().slice(0, 8)}@firma.no`;
  await signIn(p, db, admin, locale);
  await p.goto(`/${locale}/settings/profile`);
  await p.getByRole('link', { name: l.nav, exact: true }).click();
  await p.waitForURL(`**/${locale}/settings/company/settlement`);
  await p.getByLabel(l.email, { exact: true }).fill('ikke-en-adresse');
  await p.getByRole('button', { name: l.save }).click();
  await p.getByText(locale === 'nb' ? 'Skriv en gyldig e-postadresse.' : 'Enter a valid email address.').waitFor();
  await p.getByLabel(l.email, { exact: true }).fill(address);
  // The address's language follows the test, not the page: nb page mails in English and vice versa.
  const mailLocale = locale === 'nb' ? 'en' : 'nb';
  await p.getByLabel(l.language, { exact: true }).selectOption(mailLocale);
  await p.getByRole('button', { name: l.save }).click();
  await p.getByRole('status').filter({ hasText: l.saved }).waitFor();
  const [row] = await db.select().from(companies).where(eq(companies.id, company.id));
  expect(row).toMatchObject({ settlementEmail: address, settlementEmailLocale: mailLocale });

  const staff = await makeStaff(db);
  const debtCase = await makeCase(db, { companyId: company.id, stage: 'demand', invoiceAmountsOre: [500_000], feeOre: 70_000 });
  const today = todayInOslo();
  await db.transaction((tx) =>
    receiveDebtorPayment(
      tx,
      staff,
      { paidOn: today, kid: debtCase.kid, amountOre: 300_000, payer: 'Kari', bankReference: bankReference() },
      'desk',
    ),
  );
  const result = await db.transaction((tx) => runSettlement(tx, company.id, today));
  if (result.outcome !== 'created') throw new Error('no slip');
  const [slip] = await db.select().from(remittanceSlips).where(eq(remittanceSlips.id, result.slipId));

  await p.goto(`/${locale}/dev/mailbox`);
  const subject = `${L[mailLocale].subject} ${slip!.slipNumber} for ${company.name}`;
  const mail = p.getByRole('article', { name: subject });
  await mail.waitFor();
  const [download] = await Promise.all([p.waitForEvent('download'), mail.getByRole('link', { name: l.download }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-${slip!.slipNumber}\\.pdf$`));
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(await download.path()))), { mergePages: true });
  expect(text).toContain(`${L[mailLocale].subject} ${slip!.slipNumber}`);
  expect(text).toContain(company.name);
  expect(text).toContain(slip!.bankReference);
}

describe('Innstillinger → Selskap → Oppgjørsrapporter, then the slip in the development mailbox', () => {
  it('en, with JavaScript', async () => {
    await setAddressAndSettle(page, 'en');
  });

  it('nb, without JavaScript', async () => {
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await setAddressAndSettle(plain.page, 'nb');
    } finally {
      await plain.context.close();
    }
  });
});

describe('Lese and Skrive', () => {
  it('see the address read-only, with no form', async () => {
    const company = await makeCompany(db, {
      name: `Lesbar ${crypto.randomUUID().slice(0, 4)} AS`,
      settlementEmail: 'regnskap@lesbar.no',
      settlementEmailLocale: 'en',
    });
    const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    await signIn(page, db, writer, 'nb');
    await page.goto(`/nb/settings/company/settlement?company=${company.id}`);
    await page.getByText('regnskap@lesbar.no').waitFor();
    expect(await page.getByText('Bare selskapets administratorer kan endre dette.').count()).toBe(1);
    expect(await page.getByText('Engelsk').count()).toBe(1);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lagre' }).count()).toBe(0);
  });
});

describe('Desk → Oppgjør', () => {
  it('nothing to settle: says so and writes no slip; after a payment the run makes the slip and its email', async () => {
    const company = await makeCompany(db, {
      name: `Tomt Oppgjør ${crypto.randomUUID().slice(0, 4)} AS`,
      settlementEmail: 'regnskap@tomt.no',
    });
    const handler = await makeUser(db, { memberships: [] });
    await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, handler.id));
    await signIn(page, db, handler, 'nb');
    await page.goto('/nb/desk/settlements');
    const row = page.getByRole('row', { name: company.name });
    await row.getByRole('button', { name: 'Kjør oppgjør nå' }).click();
    await row.getByRole('status').filter({ hasText: 'Ingen innbetalinger å gjøre opp.' }).waitFor();
    expect(await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id))).toHaveLength(0);

    const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice', invoiceAmountsOre: [200_000] });
    const today = todayInOslo();
    await db.transaction(async (tx) =>
      receiveDebtorPayment(
        tx,
        await makeStaff(tx),
        { paidOn: today, kid: debtCase.kid, amountOre: 100_000, payer: 'Kari', bankReference: bankReference() },
        'desk',
      ),
    );
    await row.getByRole('button', { name: 'Kjør oppgjør nå' }).click();
    await row.getByRole('status').filter({ hasText: 'Remitteringsbilaget er laget.' }).waitFor();
    const mails = await db.select().from(outbox).where(eq(outbox.companyId, company.id));
    expect(mails).toMatchObject([{ recipient: 'regnskap@tomt.no', locale: 'nb', template: 'settlement_report' }]);
  });
});

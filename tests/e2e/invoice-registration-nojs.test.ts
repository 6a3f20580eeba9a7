import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { cases, debtors, invoiceDrafts, users } from '@/db/schema';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { validNationalId } from '@/tests/helpers/invoice-fixtures';
import { fillCustomer, fillInvoice, INVOICE_LABELS, pollCaseList, turnOnBeta } from '@/tests/helpers/invoice-ui';

const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
const db = handle.db;
let opened: { context: BrowserContext; page: Page } | undefined;
beforeAll(async () => {
  opened = await openBrowser({ javaScriptEnabled: false });
});
afterAll(async () => {
  await opened?.context.close();
  await handle.close();
});

describe.each(['nb', 'en'] as const)('Registrere manuell faktura without JavaScript (%s)', (locale) => {
  const l = INVOICE_LABELS[locale];

  it('turns on Betaprogram, registers a new customer, fetches it by kundenummer with Hent, and the cases appear', async () => {
    const page = opened!.page;
    await opened!.context.clearCookies();
    const company = await makeCompany(db);
    const user = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }], locale });
    await signIn(page, db, user, locale);
    await turnOnBeta(page, locale);
    await page.getByRole('navigation', { name: l.mainMenu }).getByRole('link', { name: l.cases }).click();
    await page.getByRole('link', { name: l.newInvoice }).click();
    const customerNumber = `K-${crypto.randomUUID().slice(0, 8)}`;
    await fillCustomer(page, locale, { customerNumber, name: 'Nils Nojs', nationalId: validNationalId(300) });
    await page.getByRole('button', { name: l.next }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    const first = `F-${crypto.randomUUID().slice(0, 8)}`;
    await fillInvoice(page, locale, { invoiceNumber: first });
    await page.getByRole('button', { name: l.register }).click();
    await page.getByRole('heading', { name: l.registeredTitle }).waitFor();
    await pollCaseList(page, locale, [first]);

    await page.goto(`/${locale}/cases/new`);
    await page.getByLabel(l.customerNumber).fill(customerNumber);
    await page.getByRole('button', { name: l.fetch }).click();
    await page.getByText(l.found).waitFor();
    await expect(page.getByLabel(l.name, { exact: true }).inputValue()).resolves.toBe('Nils Nojs');
    await page.getByRole('button', { name: l.next }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    const second = `F-${crypto.randomUUID().slice(0, 8)}`;
    await fillInvoice(page, locale, { invoiceNumber: second, amount: '250' });
    await page.getByRole('button', { name: l.register }).click();
    await page.getByRole('heading', { name: l.registeredTitle }).waitFor();
    await pollCaseList(page, locale, [first, second]);
    expect(await db.select().from(cases).where(eq(cases.companyId, company.id))).toHaveLength(2);
    expect(
      await db
        .select()
        .from(debtors)
        .where(and(eq(debtors.companyId, company.id), eq(debtors.customerNumber, customerNumber))),
    ).toHaveLength(1);
  });
});

describe('+ Ny faktura without JavaScript: a refused step keeps what was typed', () => {
  it('keeps the chosen company, the kind and the country after a refused Neste, and goes on without choosing again', async () => {
    const page = opened!.page;
    await opened!.context.clearCookies();
    const one = await makeCompany(db);
    const two = await makeCompany(db);
    const user = await makeUser(db, { memberships: [one, two].map((c) => ({ companyId: c.id, role: 'write' as const })) });
    await db.update(users).set({ betaEnabled: true }).where(eq(users.id, user.id));
    await signIn(page, db, user, 'nb');
    await page.goto('/nb/cases/new');
    const company = page.getByLabel('Selskap', { exact: true });
    await company.selectOption({ label: two.name });
    await page.getByLabel('Land').selectOption({ label: 'Sverige' });
    const customerNumber = `K-${crypto.randomUUID().slice(0, 8)}`;
    await fillCustomer(page, 'nb', { customerNumber, name: 'Kari Uten Skript', organisationNumber: '123456789' });
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.getByText('Organisasjonsnummeret er ikke gyldig').waitFor();
    await expect(company.inputValue()).resolves.toBe(two.id);
    await expect(page.getByLabel('Bedrift', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Land').inputValue()).resolves.toBe('SE');
    await expect(page.getByLabel('Navn', { exact: true }).inputValue()).resolves.toBe('Kari Uten Skript');

    await page.getByLabel('Organisasjonsnummer').fill('923609016');
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    const [draft] = await db
      .select()
      .from(invoiceDrafts)
      .where(eq(invoiceDrafts.id, new URL(page.url()).searchParams.get('draft') ?? ''));
    expect(draft?.companyId).toBe(two.id);
    expect(draft?.customer).toMatchObject({ customerNumber, kind: 'company', organisationNumber: '923609016', countryCode: 'SE' });
  });
});

import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { cases, debtors } from '@/db/schema';
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
    expect(await db.select().from(debtors).where(and(eq(debtors.companyId, company.id), eq(debtors.customerNumber, customerNumber)))).toHaveLength(1);
  });
});

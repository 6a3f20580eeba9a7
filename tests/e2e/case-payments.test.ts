import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, events, ledgerEntries } from '@/db/schema';
import { addDays, todayInOslo } from '@/lib/dates';
import { closeBrowser, openBrowser, signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { arrangeCase, chooseFromMenu, LABELS, openCaseFromList, visibleText } from '@/tests/helpers/case-page';

const { db, context, page } = browserSuite();

async function ledgerRows(caseId: string, kind: 'payment' | 'credit_note') {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, kind)));
}

async function caseRow(caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

describe.each(['nb', 'en'] as const)('Registrer innbetaling (%s)', (locale) => {
  const l = LABELS[locale];

  it('Endre sak → Registrer betaling; invoice, date, currency and amount are right; Registrer betaling', async () => {
    const { user, debtCase } = await arrangeCase(db, { locale });
    await signIn(page, db, user, locale);
    await openCaseFromList(page, locale, debtCase.caseNumber);
    await chooseFromMenu(page, l.edit, l.registerPayment);
    await page.waitForURL('**?action=payment');

    // Step 4: the invoice is preselected, the date is today (Oslo), the currency is the case's.
    await expect(page.getByLabel(l.invoice).inputValue()).resolves.toBe(debtCase.invoices[0]?.id);
    await expect(page.getByLabel(l.paidOn).inputValue()).resolves.toBe(todayInOslo());
    await expect(page.getByLabel(l.currency).inputValue()).resolves.toBe('NOK');
    await page.getByLabel(l.amount, { exact: true }).fill(locale === 'nb' ? '1 234,50' : '1,234.50');
    await page.getByRole('button', { name: l.registerPayment }).click();
    await page.waitForURL('**?done=payment');
    await page
      .getByRole('status')
      .filter({ hasText: locale === 'nb' ? 'Betalingen er registrert.' : 'The payment is registered.' })
      .waitFor();

    const payments = await ledgerRows(debtCase.id, 'payment');
    expect(payments.map((row) => row.amountOre)).toEqual([-123_450]);
    expect((await caseRow(debtCase.id))?.balanceOre).toBe(1_003_500 - 123_450);
    // The outstanding amount on Oversikt follows.
    const text = await visibleText(page);
    expect(text).toContain(locale === 'nb' ? 'kr 8 800,50' : 'NOK 8,800.50');
    expect(text).toContain(locale === 'nb' ? 'kr 1 234,50' : 'NOK 1,234.50');
  });
});

describe.each(['nb', 'en'] as const)('Registrere kreditnota (%s)', (locale) => {
  const l = LABELS[locale];

  it('Endre sak → Registrer betaling → Kreditering → Registrer kreditering', async () => {
    const { user, debtCase } = await arrangeCase(db, { locale });
    await signIn(page, db, user, locale);
    await openCaseFromList(page, locale, debtCase.caseNumber);
    await chooseFromMenu(page, l.edit, l.registerPayment);
    await page.getByLabel(l.credit, { exact: true }).check();
    await expect(page.getByRole('button', { name: l.registerPayment }).count()).resolves.toBe(0);
    await page.getByLabel(l.amount, { exact: true }).fill('500');
    await page.getByRole('button', { name: l.registerCredit }).click();
    await page.waitForURL('**?done=credit');
    await page
      .getByRole('status')
      .filter({ hasText: locale === 'nb' ? 'Krediteringen er registrert.' : 'The credit is registered.' })
      .waitFor();
    expect((await ledgerRows(debtCase.id, 'credit_note')).map((row) => row.amountOre)).toEqual([-50_000]);
    expect(await ledgerRows(debtCase.id, 'payment')).toEqual([]);

    await page.getByRole('link', { name: l.history }).click();
    expect(await visibleText(page, 'ol')).toContain(
      locale === 'nb' ? 'Kreditnota på kr 500,00 registrert' : 'Credit note of NOK 500.00 registered',
    );
  });
});

describe('registering payments', () => {
  it('closes the case when a payment covers the outstanding amount', async () => {
    const { user, debtCase } = await arrangeCase(db);
    await signIn(page, db, user, 'nb');
    await page.goto(`/nb/cases/${debtCase.id}?action=payment`);
    await page.getByLabel('Beløp', { exact: true }).fill('10 035,00');
    await page.getByRole('button', { name: 'Registrer betaling' }).click();
    await page.waitForURL('**?done=paymentClosed');
    await page.getByText('Saken er betalt og avsluttet.').first().waitFor();
    expect(await caseRow(debtCase.id)).toMatchObject({ status: 'closed', stage: 'closed', balanceOre: 0 });
    // Nothing more to manage or register on a closed case.
    await expect(page.locator('summary', { hasText: 'Behandle' }).count()).resolves.toBe(0);
    await expect(page.locator('summary', { hasText: 'Endre sak' }).count()).resolves.toBe(0);
  });

  it.each([
    ['-100', 'Beløpet må være større enn 0.'],
    ['0', 'Beløpet må være større enn 0.'],
    ['hundre', 'Skriv beløpet med tall, for eksempel 1 234,50.'],
    ['12,345', 'Beløpet kan ha høyst to desimaler.'],
  ])('shows a translated field error for the amount %j and books nothing', async (amount, message) => {
    const { user, debtCase } = await arrangeCase(db);
    await signIn(page, db, user, 'nb');
    await page.goto(`/nb/cases/${debtCase.id}?action=payment`);
    await page.getByLabel('Beløp', { exact: true }).fill(amount);
    await page.getByRole('button', { name: 'Registrer betaling' }).click();
    await page.getByText(message).waitFor();
    await expect(page.getByLabel('Beløp', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('Beløp', { exact: true }).inputValue()).resolves.toBe(amount);
    expect(await ledgerRows(debtCase.id, 'payment')).toEqual([]);
  });

  it('refuses a future payment date and a too-large amount with translated messages, in English too', async () => {
    const { user, debtCase } = await arrangeCase(db, { locale: 'en' });
    await signIn(page, db, user, 'en');
    await page.goto(`/en/cases/${debtCase.id}?action=payment`);
    await page.getByLabel('Payment date').fill(addDays(todayInOslo(), 1));
    await page.getByLabel('Amount', { exact: true }).fill('1.234');
    await page.getByRole('button', { name: 'Register payment' }).click();
    await page.getByText('The payment date cannot be in the future.').waitFor();
    await page.getByText('The amount can have at most two decimals.').waitFor();
    await page.getByLabel('Payment date').fill(todayInOslo());
    await page.getByLabel('Amount', { exact: true }).fill('20,000.00');
    await page.getByRole('button', { name: 'Register payment' }).click();
    await page.getByText('The amount is higher than the outstanding amount.').first().waitFor();
    expect(await ledgerRows(debtCase.id, 'payment')).toEqual([]);
  });

  it('registers one payment when the same form is submitted from two tabs at once', async () => {
    const { user, debtCase } = await arrangeCase(db);
    await signIn(page, db, user, 'nb');
    const second = await context.newPage();
    try {
      for (const tab of [page, second]) {
        await tab.goto(`/nb/cases/${debtCase.id}?action=payment`);
        await tab.getByLabel('Beløp', { exact: true }).fill('100');
      }
      // The same rendered form in both tabs (a duplicated tab carries the same hidden key).
      const key = await page.locator('input[name=idempotencyKey]').inputValue();
      await second.locator('input[name=idempotencyKey]').evaluate((input, value) => ((input as HTMLInputElement).value = value), key);
      await Promise.all([page, second].map((tab) => tab.getByRole('button', { name: 'Registrer betaling' }).click()));
      await Promise.all([page, second].map((tab) => tab.waitForURL(/done=(payment|duplicate)/)));
      const notices = [new URL(page.url()).searchParams.get('done'), new URL(second.url()).searchParams.get('done')].sort();
      expect(notices).toEqual(['duplicate', 'payment']);
      const duplicateTab = new URL(page.url()).searchParams.get('done') === 'duplicate' ? page : second;
      await duplicateTab.getByText('Dette var allerede registrert. Det er registrert én gang.').waitFor();
    } finally {
      await second.close();
    }
    expect((await ledgerRows(debtCase.id, 'payment')).map((row) => row.amountOre)).toEqual([-10_000]);
    const registered = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'payment.registered')));
    expect(registered).toHaveLength(1);
  });
});

describe('the payment form without JavaScript', () => {
  it('registers a payment with a plain HTML form post, and a fast double click books once', async () => {
    const { user, debtCase } = await arrangeCase(db);
    const { context: plain, page: plainPage } = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plainPage, db, user, 'nb');
      await plainPage.goto(`/nb/cases/${debtCase.id}`);
      // The menus are <details>: they open without JavaScript.
      await chooseFromMenu(plainPage, 'Endre sak', 'Registrer betaling');
      await plainPage.waitForURL('**?action=payment');
      // The credit switch relabels the button with CSS alone.
      await plainPage.getByLabel('Kreditering', { exact: true }).check();
      await plainPage.getByRole('button', { name: 'Registrer kreditering' }).waitFor();
      await plainPage.getByLabel('Betaling', { exact: true }).check();
      await plainPage.getByLabel('Beløp', { exact: true }).fill('1 000');
      await plainPage.getByRole('button', { name: 'Registrer betaling' }).dblclick();
      await plainPage.waitForURL(/done=(payment|duplicate)/);
      await plainPage
        .getByRole('status')
        .filter({ hasText: /^(Betalingen er registrert\.|Dette var allerede registrert\.)/ })
        .waitFor();
    } finally {
      await closeBrowser(plain);
    }
    expect((await ledgerRows(debtCase.id, 'payment')).map((row) => row.amountOre)).toEqual([-100_000]);
  });

  it('asks for an explicit confirmation before an overpayment, then books it (no JavaScript)', async () => {
    const { user, debtCase } = await arrangeCase(db);
    const { context: plain, page: plainPage } = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plainPage, db, user, 'nb');
      await plainPage.goto(`/nb/cases/${debtCase.id}?action=payment`);
      await plainPage.getByLabel('Beløp', { exact: true }).fill('20 000');
      await plainPage.getByRole('button', { name: 'Registrer betaling' }).click();
      await plainPage.getByText('Beløpet er høyere enn utestående', { exact: true }).waitFor();
      expect(await ledgerRows(debtCase.id, 'payment')).toEqual([]);
      await plainPage.getByRole('button', { name: 'Bekreft overbetaling' }).click();
      await plainPage.waitForURL(/done=paymentClosed/);
    } finally {
      await closeBrowser(plain);
    }
    expect((await ledgerRows(debtCase.id, 'payment')).map((row) => row.amountOre)).toEqual([-2_000_000]);
    expect((await caseRow(debtCase.id))?.balanceOre).toBe(1_003_500 - 2_000_000);
  });

  it('shows field errors from the server without JavaScript', async () => {
    const { user, debtCase } = await arrangeCase(db);
    const { context: plain, page: plainPage } = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plainPage, db, user, 'nb');
      await plainPage.goto(`/nb/cases/${debtCase.id}?action=payment`);
      await plainPage.getByLabel('Beløp', { exact: true }).fill('abc');
      await plainPage.getByRole('button', { name: 'Registrer betaling' }).click();
      await plainPage.getByText('Skriv beløpet med tall, for eksempel 1 234,50.').waitFor();
      await expect(plainPage.getByLabel('Beløp', { exact: true }).inputValue()).resolves.toBe('abc');
    } finally {
      await closeBrowser(plain);
    }
    expect(await ledgerRows(debtCase.id, 'payment')).toEqual([]);
  });
});

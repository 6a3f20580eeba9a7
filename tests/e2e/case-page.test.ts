import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, events } from '@/db/schema';
import { addDays, todayInOslo } from '@/lib/dates';
import { formatDate } from '@/lib/i18n/format';
import { signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { arrangeCase, chooseFromMenu, LABELS, openCaseFromList, visibleText, type Locale } from '@/tests/helpers/case-page';

const { db, page } = browserSuite();

function daysAgo(days: number, hour = 10) {
  const date = new Date(`${addDays(todayInOslo(), -days)}T${String(hour).padStart(2, '0')}:00:00Z`);
  return date;
}

/** A case with a history worth filtering: registration, two letters, a stage change, a payment, a message, a task. */
async function arrangeHistory(locale: Locale) {
  const arranged = await arrangeCase(db, { locale });
  const { company, debtCase } = arranged;
  const base = { companyId: company.id, subjectType: 'case', subjectId: debtCase.id, caseId: debtCase.id };
  await db.insert(events).values([
    { ...base, type: 'case.stage_changed', data: { from: 'reminder', to: 'notice' }, occurredAt: daysAgo(12) },
    {
      ...base,
      type: 'letter.sent',
      data: { accountNumber: '86011117947', kid: debtCase.kid, amountOre: 999_900, dueOn: addDays(todayInOslo(), 5), letterKind: 'notice' },
      occurredAt: daysAgo(12, 11),
    },
    {
      ...base,
      type: 'payment.registered',
      data: { amountOre: 25_000, paidOn: addDays(todayInOslo(), -8), currency: 'NOK', invoiceNumber: null, source: 'agency' },
      occurredAt: daysAgo(8),
    },
    { ...base, type: 'task.created', data: { taskId: debtCase.id, title: 'Bekreft kravet' }, occurredAt: daysAgo(5) },
  ]);
  return arranged;
}

describe.each(['nb', 'en'] as const)('Se historikk på faktura (%s)', (locale) => {
  const l = LABELS[locale];

  it('steps 3–5: press the case, open Historikk, filter on activity types', async () => {
    const { user, debtCase } = await arrangeHistory(locale);
    await signIn(page, db, user, locale);
    await openCaseFromList(page, locale, debtCase.caseNumber);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/cases/${debtCase.id}`);
    const tabs = page.getByRole('navigation', { name: locale === 'nb' ? 'Faner for saken' : 'Case tabs' });
    await expect(tabs.getByRole('link', { name: l.overview }).getAttribute('aria-current')).resolves.toBe('page');

    await tabs.getByRole('link', { name: l.history }).click();
    await page.waitForURL('**?tab=history');
    await expect(tabs.getByRole('link', { name: l.history }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(tabs.getByRole('link', { name: l.overview }).getAttribute('aria-current')).resolves.toBeNull();

    const rows = page.locator('ol > li');
    await expect(rows.count()).resolves.toBe(6);
    // Newest first, with the date, who did it (the agency's name when no user did) and what happened.
    const first = (await rows.first().innerText()).replace(/\u00A0/g, ' ');
    expect(first).toContain(formatDate(daysAgo(5), locale));
    expect(first).toContain('Amili');
    expect(first).toContain(locale === 'nb' ? 'Ny oppgave: Bekreft kravet' : 'New task: Bekreft kravet');
    if (locale === 'nb') expect(first).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    const second = (await rows.nth(1).innerText()).replace(/\u00A0/g, ' ');
    expect(second).toContain(locale === 'nb' ? 'Innbetaling på kr 250,00 mottatt' : 'Payment of NOK 250.00 received');
    const last = (await rows.last().innerText()).replace(/\u00A0/g, ' ');
    expect(last).toContain(locale === 'nb' ? 'Saken ble registrert med faktura' : 'The case was registered with invoice');

    // Step 5: Filtrer on several activity types at once.
    await page.locator('summary', { hasText: l.filter }).click();
    await page.getByLabel(locale === 'nb' ? 'Brev' : 'Letters', { exact: true }).check();
    await page.getByLabel(locale === 'nb' ? 'Innbetalinger' : 'Payments', { exact: true }).check();
    await page.getByRole('button', { name: l.applyFilter }).click();
    await page.waitForURL((url) => url.searchParams.getAll('activity').join(',') === 'letters,payments');
    await expect(rows.count()).resolves.toBe(3);
    const filtered = await visibleText(page, 'ol');
    expect(filtered).not.toContain(locale === 'nb' ? 'Ny oppgave' : 'New task');
    expect(filtered).toContain(locale === 'nb' ? 'Inkassovarsel sendt' : 'Debt collection notice sent');
    await expect(page.getByLabel(locale === 'nb' ? 'Brev' : 'Letters', { exact: true }).isChecked()).resolves.toBe(true);
  });
});

describe.each(['nb', 'en'] as const)('Finn betalingsinformasjon (%s)', (locale) => {
  const l = LABELS[locale];

  it('shows account number, KID, amount and due date on Oversikt and inside a letter in Historikk', async () => {
    const { user, debtCase } = await arrangeHistory(locale);
    await signIn(page, db, user, locale);
    await openCaseFromList(page, locale, debtCase.caseNumber);

    const panel = page.getByRole('region', { name: l.paymentInfo });
    const info = (await panel.innerText()).replace(/[\u00A0\u202F]/g, ' ');
    expect(info).toContain('8601 11 17947');
    expect(info).toContain(debtCase.kid);
    // Outstanding = principal 10 000 + fee 35 (the seeded letter's 250 kr payment event has no ledger row).
    expect(info).toContain(locale === 'nb' ? 'kr 10 035,00' : 'NOK 10,035.00');
    // The newest letter's due date, still ahead.
    expect(info).toContain(formatDate(addDays(todayInOslo(), 5), locale));
    await expect(panel.getByRole('button', { name: locale === 'nb' ? 'Kopier KID' : 'Copy KID' }).isVisible()).resolves.toBe(true);

    await page.getByRole('link', { name: l.history }).click();
    await page.waitForURL('**?tab=history');
    const letter = page.locator('ol > li', { hasText: locale === 'nb' ? 'Inkassovarsel sendt' : 'Debt collection notice sent' });
    await letter.locator('summary', { hasText: l.openLetter }).click();
    const printed = (await letter.innerText()).replace(/[\u00A0\u202F]/g, ' ');
    // What the letter carried when it was sent, not today's outstanding amount.
    expect(printed).toContain(locale === 'nb' ? 'Betalingsinformasjon på brevet' : 'Payment information on the letter');
    expect(printed).toContain('8601 11 17947');
    expect(printed).toContain(debtCase.kid);
    expect(printed).toContain(locale === 'nb' ? 'kr 9 999,00' : 'NOK 9,999.00');
    expect(printed).toContain(formatDate(addDays(todayInOslo(), 5), locale));
  });
});

describe.each(['nb', 'en'] as const)('Stoppe eller pause faktura (%s)', (locale) => {
  const l = LABELS[locale];

  async function status() {
    const [row] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    return row?.status;
  }
  let caseId = '';

  it('Behandle → Pause sak, then Gjenoppta sak, then Trekk sak with a reason', async () => {
    const { user, company, debtCase } = await arrangeCase(db, { locale });
    caseId = debtCase.id;
    await signIn(page, db, user, locale);
    await openCaseFromList(page, locale, debtCase.caseNumber);

    // Only what an active case allows.
    await page.locator('summary', { hasText: l.manage }).click();
    await expect(page.getByRole('link', { name: l.resume }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: l.pause, exact: true }).click();
    await page.waitForURL('**?confirm=pause');
    await page.getByRole('button', { name: l.pause }).click();
    await page.waitForURL('**?done=paused');
    await page
      .getByRole('status')
      .filter({ hasText: locale === 'nb' ? 'Saken er satt på pause.' : 'The case is paused.' })
      .waitFor();
    expect(await visibleText(page)).toContain(locale === 'nb' ? 'Pauset' : 'Paused');
    expect(await status()).toBe('paused');

    await chooseFromMenu(page, l.manage, l.resume);
    await page.getByRole('button', { name: l.resume }).click();
    await page.waitForURL('**?done=active');
    expect(await status()).toBe('active');

    await chooseFromMenu(page, l.manage, l.withdraw);
    expect(await visibleText(page)).toContain(locale === 'nb' ? 'Dette kan ikke angres.' : 'This cannot be undone.');
    await page.getByRole('button', { name: l.withdraw }).click();
    await page.getByText(locale === 'nb' ? 'Fyll ut feltet.' : 'This field is required.').waitFor();
    expect(await status()).toBe('active');
    await page.getByLabel(l.reason).fill(locale === 'nb' ? 'Kunden har betalt direkte til oss' : 'The customer paid us directly');
    await page.getByRole('button', { name: l.withdraw }).click();
    await page.waitForURL('**?done=withdrawn');
    expect(await status()).toBe('withdrawn');
    // Nothing is offered on a withdrawn case.
    await expect(page.locator('summary', { hasText: l.manage }).count()).resolves.toBe(0);
    await expect(page.locator('summary', { hasText: l.edit }).count()).resolves.toBe(0);

    const changes = await db
      .select({ type: events.type, data: events.data, actorUserId: events.actorUserId })
      .from(events)
      .where(and(eq(events.companyId, company.id), eq(events.caseId, debtCase.id)))
      .orderBy(events.occurredAt);
    expect(changes.map((event) => event.type)).toEqual(['case.registered', 'letter.sent', 'case.paused', 'case.resumed', 'case.withdrawn']);
    expect(changes.at(-1)?.actorUserId).toBe(user.id);

    await page.getByRole('link', { name: l.history }).click();
    expect(await visibleText(page, 'ol')).toContain(
      locale === 'nb'
        ? 'Saken ble trukket. Begrunnelse: Kunden har betalt direkte til oss'
        : 'The case was withdrawn. Reason: The customer paid us directly',
    );
  });
});

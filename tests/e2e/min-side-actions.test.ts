import { and, asc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cases, debtorPayments, debtors, onlinePayments, paymentArrangements, planInstalments, tasks } from '@/db/schema';
import { addDays, todayInOslo } from '@/lib/dates';
import { DEMO_DEBTOR_PERSON } from '@/lib/demo/debtor-identities';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { formatDate } from '@/lib/i18n/format';
import { formatOre } from '@/lib/money';
import { signInByCookie } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { caseEvents } from '@/tests/helpers/case-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { PHONE, seriousAxeViolations, sidewaysOverflow } from '@/tests/helpers/layout-checks';

// Min side's two ways to settle a case, in the browser: Betal nå through the local provider's page, and a plan
// (inside the agreement's limits it starts; outside them it is a task for the creditor), then a missed instalment
// with the engine run for a later day, as tests/e2e/engine-letters.test.ts moves the clock.

const { db, page, context } = browserSuite();

const L = {
  nb: {
    bankid: 'Logg inn med BankID',
    amount: 'Beløp (kr)',
    pay: 'Gå til betaling',
    approve: 'Godkjenn betalingen',
    decline: 'Avvis',
    approved: 'Betalingen er mottatt. Takk!',
    declined: 'Betalingen ble avbrutt. Ingenting er trukket.',
    nothingOwed: 'Det er ingenting å betale på saken.',
    part: '1 000,00',
    inputShape: /^\d+,\d{2}$/,
    received: (amount: string) => `Innbetaling på ${amount} mottatt`,
    closed: 'Saken er betalt og avsluttet.',
    planKind: 'Nedbetalingsplan',
    byMonths: 'antall måneder',
    months: 'Antall måneder',
    preview: 'Se hva det koster',
    confirm: 'Bekreft',
    planCost: '6 avdrag, til sammen',
    planFee: /Gebyret for en plan med mer enn fire avdrag er kr\s[\d\s]+,\d{2}\./,
    avoidFee: /Velger du fire avdrag eller færre, slipper du gebyret: 4 avdrag koster til sammen kr\s[\d\s]+,\d{2}\./,
    started: 'Planen er i gang.',
    requested: 'Forespørselen er sendt til kreditor.',
    taskTitle: 'Skyldneren ber om nedbetalingsplan (6 avdrag)',
    outside: 'Dette er utenfor det vi kan godkjenne selv.',
    waiting: 'Venter på svar fra kreditor.',
    missed: 'Ikke betalt',
    due: 'Ikke forfalt ennå',
    notice: (sentOn: string, deadlineOn: string) => `Varsel sendt ${sentOn}. Betal innen ${deadlineOn}`,
    missedHistory: (amount: string, dueOn: string) => `Avdrag på ${amount} med forfall ${dueOn} ikke betalt: varsel sendt`,
  },
  en: {
    bankid: 'Sign in with BankID',
    amount: 'Amount (NOK)',
    pay: 'Go to payment',
    approve: 'Approve the payment',
    decline: 'Decline',
    approved: 'The payment has been received. Thank you!',
    declined: 'The payment was cancelled. Nothing was charged.',
    nothingOwed: 'There is nothing to pay on this case.',
    part: '1,000.00',
    inputShape: /^\d+\.\d{2}$/,
    received: (amount: string) => `Payment of ${amount} received`,
    closed: 'The case is paid and closed.',
    planKind: 'Instalment plan',
    byMonths: 'number of months',
    months: 'Number of months',
    preview: 'See what it costs',
    confirm: 'Confirm',
    planCost: '6 instalments, NOK',
    planFee: /The fee for a plan of more than four instalments is NOK\s[\d,]+\.\d{2}\./,
    avoidFee: /Choose four instalments or fewer and there is no fee: 4 instalments cost NOK\s[\d,]+\.\d{2} in all\./,
    started: 'The plan has started.',
    requested: 'The request has been sent to the creditor.',
    taskTitle: 'The debtor asks for a payment plan (6 instalments)',
    outside: 'This is beyond what we can approve ourselves.',
    waiting: "Waiting for the creditor's answer.",
    missed: 'Not paid',
    due: 'Not due yet',
    notice: (sentOn: string, deadlineOn: string) => `Notice sent ${sentOn}. Pay by ${deadlineOn}`,
    missedHistory: (amount: string, dueOn: string) => `Instalment of ${amount} due ${dueOn} not paid: notice sent`,
  },
} as const;
type Locale = keyof typeof L;

/** Text as a reader sees it, with Intl's no-break and narrow spaces as plain ones. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ').replace(/\s+/g, ' ');

/** 10 000 kr that fell due 20 days ago, owed by the demo's BankID person, at a fresh creditor (with the given agreement). */
async function arrange(locale: Locale, agreement: Record<string, unknown> = {}) {
  const company = await makeCompany(db, { collectionAgreement: agreement });
  const creditor = await makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }], locale });
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: addDays(todayInOslo(), -20) });
  await db
    .update(debtors)
    .set({ nationalId: DEMO_DEBTOR_PERSON.nationalId, email: `skyldner.${debtCase.caseNumber}@example.com` })
    .where(eq(debtors.id, debtCase.debtorId));
  return { company, creditor, debtCase };
}

/** Signs in to Min side as the demo's BankID person (the local OpenID provider) and opens `path`. */
async function signInAsDebtor(target: Page, locale: Locale, path: string) {
  await target.goto(`/${locale}/min-side/login`);
  await target.getByRole('button', { name: L[locale].bankid }).click();
  await target.getByRole('button', { name: new RegExp(DEMO_DEBTOR_PERSON.name) }).click();
  await target.waitForURL(`**/${locale}/min-side`);
  await target.goto(`/${locale}${path}`);
}

/** Betal nå with `amount` typed (or today's claim as filled in), to the local provider's page. */
async function startPayment(target: Page, locale: Locale, caseId: string, amount?: string) {
  await target.goto(`/${locale}/min-side/cases/${caseId}/pay`);
  if (amount !== undefined) await target.getByRole('textbox', { name: L[locale].amount }).fill(amount);
  await target.getByRole('button', { name: L[locale].pay }).click();
  await target.waitForURL(`**/${locale}/min-side/demo-payment/**`);
}

/** The creditor's Historikk for the case, as its text. */
async function creditorHistory(locale: Locale, email: string, caseId: string) {
  await signInByCookie(context, db, email);
  await page.goto(`/${locale}/cases/${caseId}?tab=history`);
  return plain(await page.locator('main').innerText());
}

/** Asks for a plan of `months` months by number of months and waits for its price. */
async function previewPlan(target: Page, locale: Locale, caseId: string, months: number) {
  const l = L[locale];
  await target.goto(`/${locale}/min-side/cases/${caseId}/plan`);
  await target.getByRole('radio', { name: l.planKind, exact: true }).check();
  await target.getByRole('radio', { name: l.byMonths, exact: true }).check();
  await target.getByRole('textbox', { name: l.months, exact: true }).fill(String(months));
  await target.getByRole('button', { name: l.preview }).click();
  await target.locator('#plan-cost').waitFor();
  return plain(await target.locator('section[aria-labelledby="plan-cost"]').innerText());
}

const schedule = (caseId: string) =>
  db
    .select({
      arrangementId: planInstalments.arrangementId,
      number: planInstalments.number,
      dueOn: planInstalments.dueOn,
      amountOre: planInstalments.amountOre,
    })
    .from(planInstalments)
    .innerJoin(paymentArrangements, eq(paymentArrangements.id, planInstalments.arrangementId))
    .where(eq(paymentArrangements.caseId, caseId))
    .orderBy(asc(planInstalments.number));

describe.each(['nb', 'en'] as const)('Betal nå in Min side (%s)', (locale) => {
  const l = L[locale];

  it('a declined and an abandoned payment book nothing; a part-payment typed the local way and then the rest are booked, shown in Historikk, and close the case', async () => {
    const { creditor, debtCase } = await arrange(locale);
    await signInAsDebtor(page, locale, `/min-side/cases/${debtCase.id}/pay`);
    // Today's claim is filled in the way this locale types amounts, so posting it as it stands is accepted.
    expect(await page.getByRole('textbox', { name: l.amount }).inputValue()).toMatch(l.inputShape);

    await startPayment(page, locale, debtCase.id);
    await page.getByRole('button', { name: l.decline }).click();
    await page.getByText(l.declined).waitFor();
    // Abandoned: the debtor leaves the provider's page without deciding.
    await startPayment(page, locale, debtCase.id);
    await page.goto(`/${locale}/min-side/cases/${debtCase.id}`);
    const started = await db.select({ status: onlinePayments.status }).from(onlinePayments).where(eq(onlinePayments.caseId, debtCase.id));
    expect(started.map((row) => row.status).sort()).toEqual(['declined', 'pending']);
    expect(await db.select().from(debtorPayments).where(eq(debtorPayments.caseId, debtCase.id))).toHaveLength(0);

    await startPayment(page, locale, debtCase.id, l.part);
    await page.getByRole('button', { name: l.approve }).click();
    await page.getByText(l.approved).waitFor();
    await startPayment(page, locale, debtCase.id);
    await page.getByRole('button', { name: l.approve }).click();
    await page.getByText(l.approved).waitFor();
    await page.goto(`/${locale}/min-side/cases/${debtCase.id}/pay`);
    await page.getByText(l.nothingOwed).waitFor();

    const booked = await db
      .select({ amountOre: debtorPayments.amountOre })
      .from(debtorPayments)
      .where(eq(debtorPayments.caseId, debtCase.id))
      .orderBy(asc(debtorPayments.createdAt));
    expect(booked[0]?.amountOre).toBe(100_000);
    expect(booked).toHaveLength(2);
    const [closed] = await db.select({ status: cases.status, balanceOre: cases.balanceOre }).from(cases).where(eq(cases.id, debtCase.id));
    expect(closed).toEqual({ status: 'closed', balanceOre: 0 });

    await context.clearCookies();
    const history = await creditorHistory(locale, creditor.email, debtCase.id);
    expect(history).toContain(plain(l.received(formatOre(100_000, locale))));
    expect(history).toContain(plain(l.received(formatOre(booked[1]!.amountOre, locale))));
    expect(history).toContain(l.closed);
  });
});

describe.each(['nb', 'en'] as const)('a plan in Min side (%s)', (locale) => {
  const l = L[locale];

  it('priced with the fee above four instalments and how to avoid it; inside the limits it starts with its schedule; a missed instalment gets a notice', async () => {
    const { creditor, debtCase } = await arrange(locale);
    await signInAsDebtor(page, locale, `/min-side/cases/${debtCase.id}/plan`);
    const price = await previewPlan(page, locale, debtCase.id, 6);
    expect(price).toContain(l.planCost);
    expect(price).toMatch(l.planFee);
    expect(price).toMatch(l.avoidFee);
    expect(price).toContain(debtCase.kid);
    expect(await previewPlan(page, locale, debtCase.id, 4)).not.toMatch(l.planFee);

    await previewPlan(page, locale, debtCase.id, 6);
    await page.getByRole('button', { name: l.confirm }).click();
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}/plan?done=active`);
    await page.getByText(l.started).waitFor();
    const instalments = await schedule(debtCase.id);
    expect(instalments).toHaveLength(6);
    const table = page.locator('section[aria-labelledby="plan-schedule-heading"]');
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(6);
    const first = instalments[0]!;
    const firstRow = plain(await rows.first().innerText());
    expect(firstRow).toContain(formatDate(first.dueOn, locale));
    expect(firstRow).toContain(plain(formatOre(first.amountOre, locale)));
    expect(firstRow).toContain(debtCase.kid);
    expect(firstRow).toContain(l.due);

    // The clock moved past the first instalment's day, nothing paid: the engine sends its notice.
    const noticeDay = plusDays(first.dueOn, 1);
    await runEngine(db, { now: onDay(noticeDay), caseIds: [debtCase.id] });
    const notice = l.notice(formatDate(noticeDay, locale), formatDate(plusDays(noticeDay, 14), locale));
    for (const path of ['/plan', '']) {
      await page.goto(`/${locale}/min-side/cases/${debtCase.id}${path}`);
      const row = plain(await page.locator('section[aria-labelledby="plan-schedule-heading"] tbody tr').first().innerText());
      expect(row).toContain(l.missed);
      expect(row).toContain(notice);
    }
    expect(await page.locator('section[aria-labelledby="plan-schedule-heading"] tbody tr[data-state="missed"]').count()).toBe(1);

    await context.clearCookies();
    const history = await creditorHistory(locale, creditor.email, debtCase.id);
    expect(history).toContain(plain(l.missedHistory(formatOre(first.amountOre, locale), formatDate(first.dueOn, locale))));
  });

  it('outside the agreement’s limits the request goes to the creditor as a task, and nothing starts', async () => {
    const { creditor, debtCase } = await arrange(locale, { longestPlanMonths: 4 });
    await signInAsDebtor(page, locale, `/min-side/cases/${debtCase.id}/plan`);
    expect(await previewPlan(page, locale, debtCase.id, 6)).toContain(l.outside);
    await page.getByRole('button', { name: l.confirm }).click();
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}/plan?done=requested`);
    await page.getByText(l.requested).waitFor();
    await page.getByText(l.waiting).waitFor();
    const [arrangement] = await db
      .select({ status: paymentArrangements.status, taskId: paymentArrangements.taskId })
      .from(paymentArrangements)
      .where(eq(paymentArrangements.caseId, debtCase.id));
    expect(arrangement?.status).toBe('requested');
    const [task] = await db
      .select({ title: tasks.title })
      .from(tasks)
      .where(and(eq(tasks.caseId, debtCase.id), eq(tasks.id, arrangement!.taskId!)));
    expect(task?.title).toBe('Skyldneren ber om nedbetalingsplan (6 avdrag)');

    await context.clearCookies();
    await signInByCookie(context, db, creditor.email);
    await page.goto(`/${locale}/cases/${debtCase.id}`);
    // The creditor reads the task in the page's language; the stored title is the Norwegian fallback.
    await page.getByText(l.taskTitle).first().waitFor();
    expect((await caseEvents(db, debtCase.companyId, debtCase.id)).map((event) => event.type)).not.toContain('arrangement.started');
  });
});

describe.each(['nb', 'en'] as const)('Min side’s pay and plan pages at 360 px (%s)', (locale) => {
  afterEach(async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('no page is wider than the phone and axe finds nothing serious: pay, the provider page, the plan’s price and its schedule', async () => {
    const { debtCase } = await arrange(locale);
    await page.setViewportSize(PHONE);
    await signInAsDebtor(page, locale, `/min-side/cases/${debtCase.id}/pay`);
    const check = async (name: string) => {
      const layout = await sidewaysOverflow(page);
      expect(layout.scrollWidth, `${name}: ${layout.culprits.join('; ')}`).toBeLessThanOrEqual(layout.viewport);
      expect(await seriousAxeViolations(page), name).toEqual([]);
    };
    await page.getByRole('textbox', { name: L[locale].amount }).waitFor();
    // The shell's language link is a client component inside the action frame: it must have its text there too.
    const languageLink = page.getByRole('link', { name: locale === 'nb' ? 'English' : 'Norsk', exact: true });
    await languageLink.waitFor();
    await check('pay');
    await startPayment(page, locale, debtCase.id);
    await check('provider page');
    await previewPlan(page, locale, debtCase.id, 6);
    await languageLink.waitFor();
    await check('plan price');
    await page.getByRole('button', { name: L[locale].confirm }).click();
    await page.waitForURL(`**/plan?done=active`);
    await check('plan schedule');
    await page.goto(`/${locale}/min-side/cases/${debtCase.id}`);
    await check('case page with the schedule');
  });
});

import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debtors, letterAccessCodes, letters } from '@/db/schema';
import { formatLetterCode, letterAccessCode, letterAccessCodeRow } from '@/lib/auth/letter-code';
import { addDays, todayInOslo } from '@/lib/dates';
import { DEMO_DEBTOR_PERSON } from '@/lib/demo/debtor-identities';
import { openBrowser, signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { PHONE, seriousAxeViolations, sidewaysOverflow } from '@/tests/helpers/layout-checks';

const { db, page, context } = browserSuite();

const L = {
  nb: {
    bankid: 'Logg inn med BankID',
    caseNumber: 'Saksnummer',
    code: 'Kode fra brevet',
    submit: 'Logg inn',
    open: 'Se sak',
    amounts: 'Beløp',
    payment: 'Betalingsinformasjon',
    wrong: 'Saksnummeret eller koden stemmer ikke',
    letters: 'Brev',
    signOut: 'Logg ut',
    codeLabel: 'Kode for Min side',
    signInTitle: 'Logg inn på Min side',
  },
  en: {
    bankid: 'Sign in with BankID',
    caseNumber: 'Case number',
    code: 'Code from the letter',
    submit: 'Sign in',
    open: 'See case',
    amounts: 'Amounts',
    payment: 'Payment information',
    wrong: 'The case number or code is wrong',
    letters: 'Letters',
    signOut: 'Sign out',
    codeLabel: 'Code for My page',
    signInTitle: 'Sign in to My page',
  },
} as const;
type Locale = keyof typeof L;

/** A case of a fresh creditor whose debtor is the demo's BankID person, with one letter (and its code) sent 10 days ago. */
async function arrange(locale: Locale) {
  const company = await makeCompany(db);
  const creditor = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }], locale });
  const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice' });
  await db.update(debtors).set({ nationalId: DEMO_DEBTOR_PERSON.nationalId }).where(eq(debtors.id, debtCase.debtor.id));
  const sentOn = addDays(todayInOslo(), -10);
  const [letter] = await db
    .insert(letters)
    .values({
      companyId: company.id,
      caseId: debtCase.id,
      kind: 'notice',
      sentOn,
      deadlineOn: addDays(sentOn, 14),
      accountNumber: '86011117947',
      kid: debtCase.kid,
      amountDueOre: 1_003_500,
      principalOre: 1_000_000,
      interestOre: 0,
      feeOre: 3_500,
      newFeeOre: 3_500,
      interestRateBasisPoints: 1_200,
      interestFromOn: debtCase.dueOn,
      content: {
        creditor: { name: company.name, organisationNumber: company.organisationNumber },
        debtor: { name: debtCase.debtor.name, kind: 'person', addressLine: null, postcode: null, city: null },
        invoices: [],
        caseNumber: debtCase.caseNumber,
        newFees: [{ feeKind: 'notice_fee', amountOre: 3_500 }],
      },
    })
    .returning();
  if (!letter) throw new Error('letter insert failed');
  await db.insert(letterAccessCodes).values(letterAccessCodeRow(letter));
  return { company, creditor, debtCase, letter, code: formatLetterCode(letterAccessCode(letter.id)) };
}

/**
 * A section's text by its heading's id (the same component on both pages renders the same ids), without its buttons:
 * the Copy buttons appear only once the page's script has run, which may or may not have happened yet.
 */
async function section(target: Page, headingId: string) {
  const text = await target.locator(`section[aria-labelledby="${headingId}"]`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const button of copy.querySelectorAll('button')) button.remove();
    return copy.textContent ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}

async function signInWithCode(target: Page, locale: Locale, caseNumber: number, code: string) {
  await target.goto(`/${locale}/min-side/login`);
  await target.getByRole('textbox', { name: L[locale].caseNumber, exact: true }).fill(String(caseNumber));
  await target.getByRole('textbox', { name: L[locale].code, exact: true }).fill(code);
  await target.getByRole('button', { name: L[locale].submit, exact: true }).click();
}

describe.each(['nb', 'en'] as const)('Min side (%s)', (locale) => {
  const l = L[locale];

  it('a debtor signs in with BankID (the local provider) and sees the same claim as the creditor’s case page', async () => {
    const { creditor, debtCase } = await arrange(locale);
    await page.goto(`/${locale}/min-side/login`);
    await page.getByRole('button', { name: l.bankid }).click();
    await page.getByRole('button', { name: new RegExp(DEMO_DEBTOR_PERSON.name) }).click();
    await page.waitForURL(`**/${locale}/min-side`);
    await page.getByRole('link', { name: `${l.open} ${debtCase.caseNumber}`, exact: true }).click();
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}`);
    const debtorAmounts = await section(page, 'amounts-heading');
    const debtorPayment = await section(page, 'payment-info-heading');
    expect(debtorAmounts).toContain(l.amounts);
    expect(debtorPayment).toContain(debtCase.kid);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The debtor's session opens nothing of the portal.
    await page.goto(`/${locale}/cases/${debtCase.id}`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/login`);

    await context.clearCookies();
    await signIn(page, db, creditor, locale);
    await page.goto(`/${locale}/cases/${debtCase.id}`);
    expect(await section(page, 'amounts-heading')).toBe(debtorAmounts);
    expect(await section(page, 'payment-info-heading')).toBe(debtorPayment);
    // And the creditor's session opens nothing of Min side.
    await page.goto(`/${locale}/min-side/cases/${debtCase.id}`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/min-side/login`);
  });

  it('a debtor signs in with the case number and the letter’s code, reads the letter with the code on it, and signs out', async () => {
    const { debtCase, letter, code } = await arrange(locale);
    await signInWithCode(page, locale, debtCase.caseNumber, 'ABCD-EFGH-JKMN');
    await page.getByText(l.wrong).waitFor();
    await signInWithCode(page, locale, debtCase.caseNumber, code.toLowerCase());
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}`);
    const lettersSection = page.locator('section[aria-labelledby="letters-heading"]');
    await lettersSection.locator('summary').first().click();
    await expect(lettersSection.innerText()).resolves.toContain(code);
    const pdf = await page.request.get(`/api/min-side/cases/${debtCase.id}/letters/${letter.id}?locale=${locale}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    // Limited to that one case: Min side's home leads straight back to it, another case is not found.
    await page.goto(`/${locale}/min-side`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/min-side/cases/${debtCase.id}`);
    const other = await makeCase(db, { companyId: debtCase.companyId });
    const response = await page.goto(`/${locale}/min-side/cases/${other.id}`);
    expect(response?.status()).toBe(404);
    await page.goto(`/${locale}/min-side/cases/${debtCase.id}`);
    await page.getByRole('button', { name: l.signOut }).click();
    await page.waitForURL(`**/${locale}/min-side/login?signedOut=1`);
    const again = await page.goto(`/${locale}/min-side/cases/${debtCase.id}`);
    expect(again?.url()).toContain(`/${locale}/min-side/login`);
  });
});

describe.each(['nb', 'en'] as const)('Min side without JavaScript, at 360 px (%s)', (locale) => {
  const l = L[locale];
  let plain: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    plain = await openBrowser({ javaScriptEnabled: false });
    await plain.page.setViewportSize(PHONE);
  });
  afterAll(async () => {
    await plain?.context.close();
  });

  it('signs in with the letter code and shows the claim, the letters and the payment information, no wider than the phone', async () => {
    const target = plain!.page;
    const { debtCase } = await arrange(locale);
    await target.goto(`/${locale}/min-side/login`);
    await target.getByRole('heading', { name: l.signInTitle }).waitFor();
    const login = await sidewaysOverflow(target);
    expect(login.scrollWidth).toBeLessThanOrEqual(login.viewport);
    await signInWithCode(
      target,
      locale,
      debtCase.caseNumber,
      formatLetterCode(letterAccessCode((await db.select({ id: letters.id }).from(letters).where(eq(letters.caseId, debtCase.id)))[0]!.id)),
    );
    await target.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}`);
    expect(await section(target, 'amounts-heading')).toContain(l.amounts);
    expect(await section(target, 'payment-info-heading')).toContain(debtCase.kid);
    expect(await section(target, 'letters-heading')).toContain(l.letters);
    const casePage = await sidewaysOverflow(target);
    expect(casePage.scrollWidth, casePage.culprits.join('; ')).toBeLessThanOrEqual(casePage.viewport);
  });
});

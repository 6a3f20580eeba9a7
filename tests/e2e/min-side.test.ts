import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { letters } from '@/db/schema';
import { formatLetterCode, letterAccessCode } from '@/lib/auth/letter-code';
import { signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeCase } from '@/tests/helpers/case-factories';
import { seriousAxeViolations, sidewaysOverflow } from '@/tests/helpers/layout-checks';
import { arrangeMinSideCase, plainPhonePage, signInWithBankId, signInWithCode } from '@/tests/helpers/min-side';

const { db, page, context } = browserSuite();

const L = {
  nb: {
    open: 'Se sak',
    amounts: 'Beløp',
    payment: 'Betalingsinformasjon',
    wrong: 'Saksnummeret eller koden stemmer ikke',
    letters: 'Brev',
    signOut: 'Logg ut',
    codeLabel: 'Kode for Min side',
    signInTitle: 'Logg inn på Min side',
    payee: 'Du betaler til',
  },
  en: {
    open: 'See case',
    amounts: 'Amounts',
    payment: 'Payment information',
    wrong: 'The case number or code is wrong',
    letters: 'Letters',
    signOut: 'Sign out',
    codeLabel: 'Code for My page',
    signInTitle: 'Sign in to My page',
    payee: 'You pay to',
  },
} as const;

/**
 * A section's text by its heading's id (the same component on both pages renders the same ids), without its buttons:
 * the Copy buttons appear only once the page's script has run, which may or may not have happened yet.
 */
async function section(target: Page, headingId: string) {
  const text = await target.locator(`section[aria-labelledby="${headingId}"]`).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const button of copy.querySelectorAll('button')) button.remove();
    // Whom the money goes to is worded for the reader ("Du betaler til" / "Skyldner betaler til"); the figures are not.
    for (const payee of copy.querySelectorAll('[data-payee]')) payee.remove();
    return copy.textContent ?? '';
  });
  return text.replace(/\s+/g, ' ').trim();
}

describe.each(['nb', 'en'] as const)('Min side (%s)', (locale) => {
  const l = L[locale];

  it('a debtor signs in with BankID (the local provider) and sees the same claim as the creditor’s case page', async () => {
    const { creditor, debtCase } = await arrangeMinSideCase(db, locale);
    await signInWithBankId(page, locale);
    await page.getByRole('link', { name: `${l.open} ${debtCase.caseNumber}`, exact: true }).click();
    await page.waitForURL(`**/${locale}/min-side/cases/${debtCase.id}`);
    const debtorAmounts = await section(page, 'amounts-heading');
    const debtorPayment = await section(page, 'payment-info-heading');
    await expect(page.locator('[data-payee]').innerText()).resolves.toContain(l.payee);
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
    const { debtCase, letter, code } = await arrangeMinSideCase(db, locale);
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
  const plainPage = plainPhonePage();

  it('signs in with the letter code and shows the claim, the letters and the payment information, no wider than the phone', async () => {
    const target = plainPage();
    const { debtCase } = await arrangeMinSideCase(db, locale);
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

import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Executor } from '@/db/client';
import { debtors, letterAccessCodes, letters } from '@/db/schema';
import { formatLetterCode, letterAccessCode, letterAccessCodeRow } from '@/lib/auth/letter-code';
import { addDays, todayInOslo } from '@/lib/dates';
import { DEMO_DEBTOR_PERSON } from '@/lib/demo/debtor-identities';
import { openBrowser } from '@/tests/helpers/browser';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { PHONE } from '@/tests/helpers/layout-checks';

export type MinSideLocale = 'nb' | 'en';

/** Min side's sign-in page, as the e2e files name its parts. */
export const MIN_SIDE_SIGN_IN = {
  nb: { bankid: 'Logg inn med BankID', caseNumber: 'Saksnummer', code: 'Kode fra brevet', submit: 'Logg inn' },
  en: { bankid: 'Sign in with BankID', caseNumber: 'Case number', code: 'Code from the letter', submit: 'Sign in' },
} as const;

/**
 * A case of a fresh creditor (an Administrator, in `locale`) whose debtor is the demo's BankID person, with one
 * letter (and its code) sent 10 days ago.
 */
export async function arrangeMinSideCase(db: Executor, locale: MinSideLocale) {
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

/** Min side's sign-in with the case number and the letter's code, as a debtor types them (works without JavaScript). */
export async function signInWithCode(target: Page, locale: MinSideLocale, caseNumber: number, code: string) {
  const l = MIN_SIDE_SIGN_IN[locale];
  await target.goto(`/${locale}/min-side/login`);
  await target.getByRole('textbox', { name: l.caseNumber, exact: true }).fill(String(caseNumber));
  await target.getByRole('textbox', { name: l.code, exact: true }).fill(code);
  await target.getByRole('button', { name: l.submit, exact: true }).click();
}

/** Min side's sign-in with BankID through the demo's local provider, as the demo's person; lands on Min side. */
export async function signInWithBankId(target: Page, locale: MinSideLocale) {
  await target.goto(`/${locale}/min-side/login`);
  await target.getByRole('button', { name: MIN_SIDE_SIGN_IN[locale].bankid }).click();
  await target.getByRole('button', { name: new RegExp(DEMO_DEBTOR_PERSON.name) }).click();
  await target.waitForURL(`**/${locale}/min-side`);
}

/** A page without JavaScript at the phone's width, opened once for the describe block it is called in. */
export function plainPhonePage(): () => Page {
  let plain: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    plain = await openBrowser({ javaScriptEnabled: false });
    await plain.page.setViewportSize(PHONE);
  });
  afterAll(async () => {
    await plain?.context.close();
  });
  return () => plain!.page;
}

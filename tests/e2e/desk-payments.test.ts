import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, debtorPayments, users } from '@/db/schema';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { nextCode, signIn, submitPassword } from '@/tests/helpers/browser';
import { balanceAndLedger, makeCase } from '@/tests/helpers/case-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

const { db, page } = browserSuite();

async function staffUser() {
  const user = await makeUser(db, { memberships: [] });
  await db.update(users).set({ isAgencyStaff: true }).where(eq(users.id, user.id));
  return user;
}

describe('desk → Innbetalinger', () => {
  it('a payment with a mistyped KID waits under Ikke matchet; the case handler assigns it by case number and it is allocated', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeCase(db, { companyId: company.id, stage: 'demand', invoiceAmountsOre: [200_000], feeOre: 70_000 });
    const staff = await staffUser();
    await submitPassword(page, 'nb', staff.email, staff.password);
    await page.waitForURL('**/nb/login/verify');
    await page.getByLabel('Engangskode').fill(await nextCode(db, staff.email, staff.totpSecret));
    await page.getByRole('button', { name: 'Bekreft' }).click();
    // Agency staff land on the desk.
    await page.waitForURL('**/nb/desk');
    await page.getByRole('link', { name: 'Innbetalinger' }).click();
    await page.waitForURL('**/nb/desk/payments');
    const reference = `E2E-${crypto.randomUUID().slice(0, 8)}`;
    await page.getByLabel('KID').fill('99999999999999999995');
    await page.getByLabel('Beløp (kr)').fill('1 000,00');
    await page.getByLabel('Betaler').fill('Åse Ødegård');
    await page.getByLabel('Bankreferanse').fill(reference);
    await page.getByRole('button', { name: 'Registrer innbetaling' }).click();
    await expect.poll(() => page.getByText('Fant ingen åpen sak med denne KID-en.', { exact: false }).isVisible()).toBe(true);
    await page.reload();
    const caseNumberBox = page.getByLabel(`Saksnummer for innbetaling ${reference}`);
    await caseNumberBox.fill(String(debtCase.caseNumber));
    await caseNumberBox.locator('xpath=..').getByRole('button', { name: 'Tildel' }).click();
    await expect
      .poll(async () => (await db.select().from(debtorPayments).where(eq(debtorPayments.bankReference, reference)))[0]?.status)
      .toBe('allocated');
    const [payment] = await db.select().from(debtorPayments).where(eq(debtorPayments.bankReference, reference));
    // From the demand stage the fee comes first: 700 kr fee, 300 kr principal.
    expect(payment).toMatchObject({ caseId: debtCase.id, feeOre: 70_000, principalOre: 30_000, interestOre: 0, creditOre: 0 });
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 170_000, ledgerOre: 170_000 });
    const [after] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, debtCase.id));
    expect(after?.status).toBe('active');
  });

  it('is not found for a creditor user', async () => {
    const company = await makeCompany(db);
    await signIn(page, db, await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] }), 'nb');
    expect((await page.goto('/nb/desk/payments'))?.status()).toBe(404);
    expect((await page.goto('/nb/desk/settlements'))?.status()).toBe(404);
  });
});

import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, companies, debtorPayments, ledgerEntries } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { balanceAndLedger, caseEvents, makeCase } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { todayInOslo } from '@/lib/dates';

const today = todayInOslo();

function receive(staff: Awaited<ReturnType<typeof makeStaff>>, kid: string, amountOre: number) {
  return db.transaction((tx) =>
    receiveDebtorPayment(tx, staff, { paidOn: today, kid, amountOre, payer: 'Kari', bankReference: bankReference() }, 'desk'),
  );
}

async function coveredByComponent(caseId: string) {
  const rows = await db
    .select({ covers: ledgerEntries.covers, total: sql<number>`sum(-${ledgerEntries.amountOre})`.mapWith(Number) })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, 'payment')))
    .groupBy(ledgerEntries.covers);
  return Object.fromEntries(rows.map((row) => [row.covers, row.total]));
}

describe('debtor payments by KID, allocated in the stage order', () => {
  it('at the notice stage: principal, then fees, then interest; split stored on the payment and in the ledger', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'notice',
      invoiceAmountsOre: [500_000],
      feeOre: 7_000,
      interestOre: 2_000,
    });
    const result = await receive(staff, debtCase.kid, 504_000);
    expect(result).toMatchObject({
      outcome: 'allocated',
      caseId: debtCase.id,
      split: { principal: 500_000, fee: 4_000, interest: 0, credit: 0 },
      caseClosed: false,
    });
    expect(await coveredByComponent(debtCase.id)).toEqual({ principal: 500_000, fee: 4_000 });
    const [stored] = await db.select().from(debtorPayments).where(eq(debtorPayments.kid, debtCase.kid));
    expect(stored).toMatchObject({
      status: 'allocated',
      companyId: company.id,
      principalOre: 500_000,
      feeOre: 4_000,
      interestOre: 0,
      creditOre: 0,
    });
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 5_000, ledgerOre: 5_000 });
    expect((await caseEvents(db, company.id, debtCase.id)).map((e) => e.type)).toContain('payment.registered');
  });

  it('from the demand stage: fees first; an overpayment closes the case as paid and leaves a credit', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'demand',
      invoiceAmountsOre: [100_000],
      feeOre: 70_000,
      interestOre: 1_500,
    });
    const first = await receive(staff, debtCase.kid, 80_000);
    expect(first).toMatchObject({ split: { fee: 70_000, principal: 10_000, interest: 0, credit: 0 } });
    const second = await receive(staff, debtCase.kid, 100_000);
    expect(second).toMatchObject({ split: { fee: 0, principal: 90_000, interest: 1_500, credit: 8_500 }, caseClosed: true });
    const [row] = await db.select({ status: cases.status, balanceOre: cases.balanceOre }).from(cases).where(eq(cases.id, debtCase.id));
    expect(row).toEqual({ status: 'closed', balanceOre: -8_500 });
  });

  it('follows the company agreement when it sets another order for the stage', async () => {
    const company = await makeCompany(db);
    await db
      .update(companies)
      .set({ allocationOrder: { notice: ['interest', 'fee', 'principal'] } })
      .where(eq(companies.id, company.id));
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, {
      companyId: company.id,
      stage: 'notice',
      invoiceAmountsOre: [100_000],
      feeOre: 7_000,
      interestOre: 2_000,
    });
    expect(await receive(staff, debtCase.kid, 5_000)).toMatchObject({ split: { interest: 2_000, fee: 3_000, principal: 0, credit: 0 } });
  });

  it('keeps an unknown KID, and a KID of a withdrawn case, in the unmatched list; nothing posted', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const withdrawn = await makeCase(db, { companyId: company.id, status: 'withdrawn' });
    expect(await receive(staff, '99999999999999999995', 10_000)).toMatchObject({ outcome: 'unmatched', reason: 'unknownKid' });
    expect(await receive(staff, withdrawn.kid, 10_000)).toMatchObject({ outcome: 'unmatched', reason: 'caseNotOpen' });
    expect(await balanceAndLedger(db, withdrawn.id)).toEqual({ balanceOre: 1_003_500, ledgerOre: 1_003_500 });
  });

  it('books the same bank reference once', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeCase(db, { companyId: company.id });
    const payment = { paidOn: today, kid: debtCase.kid, amountOre: 10_000, payer: 'Kari', bankReference: bankReference() };
    const [a, b] = await Promise.all([0, 1].map(() => db.transaction((tx) => receiveDebtorPayment(tx, staff, payment, 'csv'))));
    expect([a?.outcome, b?.outcome].sort()).toEqual(['allocated', 'duplicate']);
    expect(await balanceAndLedger(db, debtCase.id)).toEqual({ balanceOre: 993_500, ledgerOre: 993_500 });
  });

  it('conserves money over any sequence of payments on any case: allocated + credit = paid, ledger = balance (property)', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('reminder', 'notice', 'demand', 'legal', 'surveillance'),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 1, maxLength: 5 }),
        async (stage, principal, fee, interest, payments) => {
          const debtCase = await makeCase(db, {
            companyId: company.id,
            stage,
            invoiceAmountsOre: [principal],
            feeOre: fee,
            interestOre: interest,
          });
          let allocated = 0;
          let credit = 0;
          let paid = 0;
          for (const amount of payments) {
            const result = await receive(staff, debtCase.kid, amount);
            if (result.outcome !== 'allocated') break; // the case closed: later payments wait in the unmatched list
            paid += amount;
            allocated += result.split.principal + result.split.interest + result.split.fee;
            credit += result.split.credit;
          }
          expect(allocated + credit).toBe(paid);
          expect(allocated).toBeLessThanOrEqual(principal + fee + interest);
          const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
          expect(balanceOre).toBe(ledgerOre);
          expect(balanceOre).toBe(principal + fee + interest - paid);
        },
      ),
      { numRuns: 25 },
    );
  });
});

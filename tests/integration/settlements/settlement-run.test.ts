import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { remittanceItems, remittanceLines, remittanceSlips } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { registerPayment } from '@/lib/payments/mutations';
import { runSettlement } from '@/lib/settlements/run';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { addDays, todayInOslo } from '@/lib/dates';

const today = todayInOslo();

async function companyWithPayments() {
  const { company, actor } = await makeCompanyActor(db, 'write');
  const staff = await makeStaff(db);
  const notice = await makeCase(db, {
    companyId: company.id,
    stage: 'notice',
    invoiceAmountsOre: [200_000],
    feeOre: 7_000,
    interestOre: 3_000,
  });
  const demand = await makeCase(db, {
    companyId: company.id,
    stage: 'demand',
    invoiceAmountsOre: [300_000],
    feeOre: 70_000,
    interestOre: 5_000,
  });
  const pay = (kid: string, amountOre: number) =>
    db.transaction((tx) =>
      receiveDebtorPayment(tx, staff, { paidOn: today, kid, amountOre, payer: 'Kari', bankReference: bankReference() }, 'desk'),
    );
  await pay(notice.kid, 205_000); // principal 200 000, fee 5 000
  await pay(demand.kid, 100_000); // fee 70 000, principal 30 000
  await pay(demand.kid, 280_000); // principal 270 000, interest 5 000, credit 5 000 (not paid out)
  // A payment the creditor registered directly: listed for information only.
  const direct = await makeCase(db, { companyId: company.id });
  await db.transaction((tx) =>
    registerPayment(tx, actor, {
      caseId: direct.id,
      invoiceId: direct.invoices[0]?.id,
      kind: 'payment',
      paidOn: today,
      currency: 'NOK',
      amountOre: 40_000,
      confirmedOverpaymentOre: null,
      idempotencyKey: crypto.randomUUID(),
    }),
  );
  return { company, notice, demand, direct };
}

async function slipsOf(companyId: string) {
  return db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, companyId));
}

describe('the settlement run', () => {
  it('writes one slip with a line per case, hand-computed, whose lines sum to its totals', async () => {
    const { company, notice, demand, direct } = await companyWithPayments();
    const result = await db.transaction((tx) => runSettlement(tx, company.id, today));
    expect(result).toMatchObject({ outcome: 'created', lineCount: 3 });
    const [slip] = await slipsOf(company.id);
    const lines = await db.select().from(remittanceLines).where(eq(remittanceLines.slipId, slip!.id));
    const byCase = Object.fromEntries(lines.map((l) => [l.caseId, l]));
    expect(byCase[notice.id]).toMatchObject({
      principalOre: 200_000,
      interestOre: 0,
      agencyFeeOre: 5_000,
      vatOre: 1_250,
      netOre: 198_750,
      isDirectPayment: false,
      caseNumber: notice.caseNumber,
      invoiceNumber: notice.invoices[0]!.invoiceNumber,
      customerNumber: notice.debtor.customerNumber,
      debtorName: notice.debtor.name,
    });
    expect(byCase[demand.id]).toMatchObject({
      principalOre: 300_000,
      interestOre: 5_000,
      agencyFeeOre: 70_000,
      vatOre: 17_500,
      netOre: 287_500,
      isDirectPayment: false,
    });
    expect(byCase[direct.id]).toMatchObject({ principalOre: 40_000, netOre: 0, isDirectPayment: true });
    const paid = lines.filter((l) => !l.isDirectPayment);
    const sum = (pick: (l: (typeof lines)[number]) => number) => paid.reduce((total, l) => total + pick(l), 0);
    expect(slip).toMatchObject({
      caseCount: 2,
      principalOre: sum((l) => l.principalOre),
      interestOre: sum((l) => l.interestOre),
      agencyFeeOre: sum((l) => l.agencyFeeOre),
      vatOre: sum((l) => l.vatOre),
      netOre: sum((l) => l.netOre),
      grossOre: 580_000,
      directPaymentsOre: 40_000,
      payoutAccountNumber: company.payoutAccountNumber,
    });
    expect(slip!.netOre).toBe(198_750 + 287_500);
  });

  it('run twice for the same period: one slip, no payment settled twice; a later run settles only new payments', async () => {
    const { company } = await companyWithPayments();
    expect((await db.transaction((tx) => runSettlement(tx, company.id, today))).outcome).toBe('created');
    expect((await db.transaction((tx) => runSettlement(tx, company.id, today))).outcome).toBe('exists');
    expect(await slipsOf(company.id)).toHaveLength(1);
    const tomorrow = addDays(todayInOslo(), 1);
    expect(await db.transaction((tx) => runSettlement(tx, company.id, tomorrow))).toEqual({ outcome: 'nothing' });
  });

  it('two workers at once: one slip, and every ledger row settled once', async () => {
    const { company } = await companyWithPayments();
    const results = await Promise.all([0, 1, 2].map(() => db.transaction((tx) => runSettlement(tx, company.id, today))));
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'exists', 'exists']);
    expect(await slipsOf(company.id)).toHaveLength(1);
    const [items] = await db
      .select({
        n: sql<number>`count(*)`.mapWith(Number),
        distinct: sql<number>`count(distinct ${remittanceItems.ledgerEntryId})`.mapWith(Number),
      })
      .from(remittanceItems)
      .where(eq(remittanceItems.companyId, company.id));
    // 2 + 2 + 2 rows of the three debtor payments (the credit is not settled) and the direct payment.
    expect(items).toEqual({ n: 7, distinct: 7 });
  });

  it('the database itself refuses a second slip for the period and a second settlement of a ledger row', async () => {
    const { company } = await companyWithPayments();
    await db.transaction((tx) => runSettlement(tx, company.id, today));
    const [slip] = await slipsOf(company.id);
    const [item] = await db.select().from(remittanceItems).where(eq(remittanceItems.slipId, slip!.id)).limit(1);
    await expect(db.insert(remittanceSlips).values({ ...slip!, id: crypto.randomUUID(), slipNumber: 'X-1' })).rejects.toThrow();
    await expect(db.insert(remittanceItems).values({ ...item! })).rejects.toThrow();
  });
});

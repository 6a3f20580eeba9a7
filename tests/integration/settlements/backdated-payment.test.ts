import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { ledgerEntries, remittanceLines, remittanceSlips } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { runEngine } from '@/lib/engine/run';
import { runSettlement } from '@/lib/settlements/run';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

// Issue #25's scale:check FAIL: a payment dated yesterday arrived on a case that had its letter this morning. The
// ledger only moves forward, so the payment is booked today — after yesterday's cut-off. The morning's settlement
// rightly has nothing for it, and the next one settles it, once.
describe('a payment dated before the day its case’s ledger stands at', () => {
  it('is booked on that day: the earlier cut-off leaves it, the next slip settles it once', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    // The morning's run sends the reminder: the case's ledger now stands at 15.03.
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    const payment = { paidOn: '2025-03-14', kid: debtCase.kid, amountOre: 50_000, payer: 'Ola', bankReference: bankReference() };
    const received = await db.transaction((tx) => receiveDebtorPayment(tx, staff, payment, 'desk', onDay('2025-03-15')));
    expect(received.outcome).toBe('allocated');
    const rows = await db
      .select({ bookedOn: ledgerEntries.bookedOn })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.kind, 'payment')));
    expect(rows.map((row) => row.bookedOn)).toEqual(rows.map(() => '2025-03-15'));
    expect(rows.length).toBeGreaterThan(0);

    // The settlement that morning, up to yesterday: nothing booked by then.
    expect(await db.transaction((tx) => runSettlement(tx, company.id, '2025-03-14', onDay('2025-03-15')))).toEqual({ outcome: 'nothing' });
    expect(await db.select().from(remittanceSlips).where(eq(remittanceSlips.companyId, company.id))).toEqual([]);

    // A week later: the payment is on that slip, and a rerun changes nothing.
    const next = await db.transaction((tx) => runSettlement(tx, company.id, '2025-03-21', onDay('2025-03-22')));
    expect(next).toMatchObject({ outcome: 'created', lineCount: 1 });
    const lines = await db.select().from(remittanceLines).where(eq(remittanceLines.caseId, debtCase.id));
    expect(lines).toHaveLength(1);
    const [slip] = await db
      .select({ grossOre: remittanceSlips.grossOre, periodEndOn: remittanceSlips.periodEndOn })
      .from(remittanceSlips)
      .where(eq(remittanceSlips.companyId, company.id));
    expect(slip).toEqual({ grossOre: 50_000, periodEndOn: '2025-03-21' });
    expect((await db.transaction((tx) => runSettlement(tx, company.id, '2025-03-21', onDay('2025-03-22')))).outcome).toBe('exists');
  });
});

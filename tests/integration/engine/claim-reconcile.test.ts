import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, events, ledgerEntries, letters, remittanceLines } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { runSettlement } from '@/lib/settlements/run';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

async function runDays(companyId: string, from: string, days: number) {
  for (let day = 0; day < days; day += 1) await runEngine(db, { now: onDay(plusDays(from, day)), companyId });
}

const sumOf = async (caseId: string, kind: 'interest' | 'fee', feeKind?: 'collection_fee_light' | 'standard_compensation') => {
  const rows = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, kind)));
  return rows.filter((row) => !feeKind || row.feeKind === feeKind).reduce((sum, row) => sum + row.amountOre, 0);
};

describe('the ledger reconciled to the claim (moved clock)', () => {
  it("a payment registered a week late but dated within the notice's deadline takes back the salær and the later interest", async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runDays(company.id, '2025-03-15', 34); // reminder 15.03, notice 30.03 (deadline 13.04), demand 16.04
    const sent = await db.select().from(letters).where(eq(letters.caseId, debtCase.id)).orderBy(asc(letters.sentOn));
    expect(sent.map((l) => `${l.kind}@${l.sentOn}`)).toEqual(['reminder@2025-03-15', 'notice@2025-03-30', 'demand@2025-04-16']);
    expect(await sumOf(debtCase.id, 'fee', 'collection_fee_light')).toBe(56_000);
    // The notice asked for 10 000 + 35 + 35 kr + interest 02.03–30.03 (29 days: 99.32 kr).
    const notice = sent[1]!;
    expect(notice.amountDueOre).toBe(1_016_932);
    // Paid on 12.04, registered on 19.04 (after the demand).
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        staff,
        { paidOn: '2025-04-12', kid: debtCase.kid, amountOre: notice.amountDueOre, payer: 'Ola', bankReference: bankReference() },
        'desk',
        onDay('2025-04-19'),
      ),
    );
    expect(await sumOf(debtCase.id, 'fee', 'collection_fee_light')).toBe(0);
    // Interest only through 12.04: 42 days × 10 000 kr × 12.5 % / 365 = 143.84 kr (was 46 days = 157.53 kr).
    expect(await sumOf(debtCase.id, 'interest')).toBe(14_384);
    const corrections = await db
      .select({ data: events.data })
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'claim.corrected')));
    expect(corrections.map((row) => row.data)).toEqual(
      expect.arrayContaining([
        { component: 'fee', feeKind: 'collection_fee_light', amountOre: -56_000, reason: 'paidWithinNoticeDeadline' },
        { component: 'interest', feeKind: null, amountOre: -1_369, reason: 'paymentValueDate' },
      ]),
    );
    // Left: the interest from the notice to the payment, 143.84 − 99.32 kr.
    const [row] = await db.select().from(cases).where(eq(cases.id, debtCase.id));
    expect(row!.balanceOre).toBe(4_452);
    // The slip pays the creditor the principal and the interest the payment covered; the agency keeps the two fees only.
    const slip = await db.transaction((tx) => runSettlement(tx, company.id, '2025-04-20', onDay('2025-04-21')));
    expect(slip.outcome).toBe('created');
    const [line] = await db.select().from(remittanceLines).where(eq(remittanceLines.caseId, debtCase.id));
    expect(line).toMatchObject({ principalOre: 1_000_000, interestOre: 9_932, agencyFeeOre: 7_000 });
  });

  it('a business debtor: the standardkompensasjon comes off the salær (900 − 460 = 440 kr in 1H 2026)', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-01-05', debtorKind: 'company' });
    await runDays(company.id, '2026-01-19', 33); // reminder 19.01, notice 03.02 (deadline 17.02), demand 20.02
    expect(await sumOf(debtCase.id, 'fee', 'standard_compensation')).toBe(46_000);
    // light salær ≤ 10 000 kr at 750 kr: 0.8 × 750 × 1.5 = 900 kr, less 460 kr
    expect(await sumOf(debtCase.id, 'fee', 'collection_fee_light')).toBe(44_000);
    expect(await sumOf(debtCase.id, 'fee')).toBe(90_000);
  });
});

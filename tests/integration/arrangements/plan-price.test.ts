import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { debtors, paymentArrangements } from '@/db/schema';
import { loadArrangeableCase, requestArrangement } from '@/lib/arrangements/mutations';
import { previewArrangement } from '@/lib/arrangements/options';
import type { ArrangementInput } from '@/lib/arrangements/schemas';
import { getCaseArrangement } from '@/lib/debtor-actions/queries';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { loadTables } from '@/lib/engine/tables';
import { runEngine } from '@/lib/engine/run';
import { bankReference } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

// What the plan page shows before Bekreft (the price of each option, the fee and how to avoid it) and after it
// (the schedule with each instalment's state), read the way the page reads them.

async function openCase(dueOn = '2025-01-10') {
  const company = await makeCompany(db);
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn });
  await db
    .update(debtors)
    .set({ email: `skyldner.${debtCase.caseNumber}@example.com` })
    .where(eq(debtors.id, debtCase.debtorId));
  return { debtCase, scope: { companyId: company.id, caseId: debtCase.id } };
}

/** The page's price for `input` on `today`; nothing is written. */
async function price(scope: { companyId: string; caseId: string }, input: ArrangementInput, today: string) {
  return db.transaction(async (tx) => {
    const { loaded, hadPlan } = await loadArrangeableCase(tx, scope, today);
    return previewArrangement(loaded, input, today, await loadTables(tx), hadPlan);
  });
}

describe('a plan’s price in Min side', () => {
  it('more than four instalments carry the plan fee and name the fee-free plan of four; four carry neither', async () => {
    const { debtCase, scope } = await openCase();
    const six = await price(scope, { caseId: debtCase.id, kind: 'plan', months: 6 }, '2025-02-01');
    if (six.kind !== 'plan') throw new Error('expected a plan');
    // 1.5 × the inkassosats of 700 kr (inkassoforskriften § 2-4), in the total and in what it adds to paying today.
    expect(six.option.planFeeOre).toBe(105_000);
    expect(six.option.totalOre).toBe(six.option.instalments.reduce((sum, item) => sum + item.amountOre, 0));
    expect(six.option.extraOre).toBe(six.option.totalOre - six.option.owedTodayOre);
    expect(six.option.extraOre).toBeGreaterThan(105_000);
    expect(six.feeFree?.instalments).toHaveLength(4);
    expect(six.feeFree?.planFeeOre).toBe(0);
    expect(six.feeFree!.totalOre).toBeLessThan(six.option.totalOre);
    const four = await price(scope, { caseId: debtCase.id, kind: 'plan', months: 4 }, '2025-02-01');
    expect(four.kind === 'plan' && [four.option.planFeeOre, four.feeFree]).toEqual([0, null]);
    expect(await db.select().from(paymentArrangements).where(eq(paymentArrangements.caseId, debtCase.id))).toHaveLength(0);
  });

  it('a plan reaching a half-year whose rate is not set yet is priced at today’s rate and says so; a missing rate up to today still refuses', async () => {
    // The code's table ends with 1H 2026 (12 %); this database has no agency-entered rate for 2H 2026.
    const { debtCase, scope } = await openCase('2026-02-01');
    const short = await price(scope, { caseId: debtCase.id, kind: 'plan', months: 3 }, '2026-03-01');
    expect(short.estimatedRate).toBeNull();
    const long = await price(scope, { caseId: debtCase.id, kind: 'plan', months: 6 }, '2026-03-01');
    expect(long.estimatedRate).toEqual({ fromOn: '2026-07-01', rateBasisPoints: 1200 });
    const started = await db.transaction((tx) =>
      requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 6 }, onDay('2026-03-01')),
    );
    expect(started.status).toBe('active');

    const late = await openCase('2026-06-01');
    await expect(price(late.scope, { caseId: late.debtCase.id, kind: 'plan', months: 3 }, '2026-08-01')).rejects.toThrow(
      'debtorActions.plan.errors.unavailable',
    );
  });
});

describe('a started plan’s schedule in Min side', () => {
  it('shows each instalment paid, missed (with the notice’s deadline) or not yet due, as the engine counts them', async () => {
    const { debtCase, scope } = await openCase();
    const outcome = await db.transaction((tx) =>
      requestArrangement(tx, scope, { caseId: debtCase.id, kind: 'plan', months: 3 }, onDay('2025-02-01')),
    );
    const before = await getCaseArrangement(scope.companyId, debtCase.id, '2025-02-01');
    expect(before?.id).toBe(outcome.arrangementId);
    expect(before?.schedule.map((item) => item.state)).toEqual(['due', 'due', 'due']);
    const first = before!.schedule[0]!;
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        null,
        { paidOn: first.dueOn, kid: debtCase.kid, amountOre: first.amountOre, payer: 'Skyldner', bankReference: bankReference() },
        'ocr',
        onDay(first.dueOn),
      ),
    );
    await runEngine(db, { now: onDay('2025-04-02'), caseIds: [debtCase.id] });
    const after = await getCaseArrangement(scope.companyId, debtCase.id, '2025-04-02');
    expect(after?.schedule.map((item) => [item.number, item.state, item.noticeSentOn, item.deadlineOn])).toEqual([
      [1, 'paid', null, null],
      [2, 'missed', '2025-04-02', '2025-04-16'],
      [3, 'due', null, null],
    ]);
    // Another company asking for the case gets nothing.
    expect(await getCaseArrangement((await makeCompany(db)).id, debtCase.id, '2025-04-02')).toBeNull();
  });
});

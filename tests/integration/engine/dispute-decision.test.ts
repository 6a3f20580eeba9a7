import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { caseCollection, cases, events, ledgerEntries, letters } from '@/db/schema';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { decideDispute } from '@/lib/engine/dispute-decision';
import { changeCollection } from '@/lib/engine/mutations';
import { runEngine } from '@/lib/engine/run';
import { decideDisputeSchema } from '@/lib/engine/schemas';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';

const DAY = 86_400_000;

/** A 10 000 kr consumer case taken through reminder, notice and demand (salær booked), then disputed by the creditor. */
async function disputedCaseWithSalaer() {
  const company = await makeCompany(db);
  const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
  const creditor = { userId: writer.id, companyId: company.id };
  const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
  for (const day of ['2025-03-15', '2025-04-21', '2025-05-09']) await runEngine(db, { now: onDay(day), companyId: company.id });
  expect((await db.select({ kind: letters.kind }).from(letters).where(eq(letters.caseId, debtCase.id))).map((l) => l.kind)).toContain(
    'demand',
  );
  await db.transaction((tx) =>
    changeCollection(
      tx,
      creditor,
      { caseId: debtCase.id, intent: 'dispute', reason: 'Halve leveransen manglet' },
      'creditor',
      onDay('2025-05-12'),
    ),
  );
  return { company, creditor, debtCase };
}

async function ledgerBy(caseId: string) {
  const rows = await db
    .select({ kind: ledgerEntries.kind, amountOre: ledgerEntries.amountOre })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.caseId, caseId));
  const sum = (kind: string) => rows.filter((r) => r.kind === kind).reduce((total, r) => total + r.amountOre, 0);
  return {
    principal: sum('principal'),
    interest: sum('interest'),
    fee: sum('fee'),
    payment: sum('payment'),
    total: rows.reduce((t, r) => t + r.amountOre, 0),
  };
}

describe('a dispute decided in the debtor’s favour (domain.md §1–§2)', () => {
  it('partly, with reasonable grounds: 4 000 kr off the principal from the due date, every collection cost taken back, told in Historikk', async () => {
    const { creditor, debtCase } = await disputedCaseWithSalaer();
    const before = await ledgerBy(debtCase.id);
    expect(before.fee).toBeGreaterThan(0);
    const [state] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    const reconciledOn = state!.interestBookedToOn!;

    await db.transaction((tx) =>
      decideDispute(
        tx,
        creditor,
        { caseId: debtCase.id, outcome: 'partly', notOwedOre: 400_000, costsWaived: true, reason: 'Halve leveransen manglet' },
        'creditor',
        onDay('2025-05-20'),
      ),
    );

    const after = await ledgerBy(debtCase.id);
    expect(after.principal).toBe(600_000);
    expect(after.fee).toBe(0);
    // Interest as if only 6 000 kr had been owed from the due date (1H 2025: 12.50 %, domain.md §3), to the øre.
    const days = (Date.parse(reconciledOn) - Date.parse('2025-03-01')) / DAY;
    expect(after.interest).toBe(Math.round((600_000 * 0.125 * days) / 365));
    const [row] = await db.select({ balanceOre: cases.balanceOre }).from(cases).where(eq(cases.id, debtCase.id));
    expect(row?.balanceOre).toBe(after.total);

    const history = await db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(eq(events.caseId, debtCase.id))
      .orderBy(asc(events.occurredAt));
    expect(history.find((e) => e.type === 'case.dispute_decided')?.data).toEqual({
      outcome: 'partly',
      amountOre: 400_000,
      costsWaived: true,
      reason: 'Halve leveransen manglet',
      by: 'creditor',
    });
    const corrections = history
      .filter((e) => e.type === 'claim.corrected')
      .map((e) => e.data as { component: string; amountOre: number; reason: string });
    expect(corrections.filter((c) => c.component === 'fee' && c.reason === 'disputeUpheld').reduce((t, c) => t + c.amountOre, 0)).toBe(
      -before.fee,
    );
    expect(corrections.find((c) => c.component === 'interest' && c.reason === 'disputeDecided')?.amountOre).toBe(
      after.interest - before.interest,
    );
    // The dispute is answered: lifted, and no fee is charged for later letters.
    const [lifted] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(lifted).toMatchObject({ disputedAt: null, costsWaivedOn: '2025-05-20' });
    await runEngine(db, { now: onDay('2025-08-01'), companyId: creditor.companyId });
    expect((await ledgerBy(debtCase.id)).fee).toBe(0);
  });

  it('wholly: nothing is owed, what the debtor paid is a credit on the case; a case without a dispute cannot be decided', async () => {
    const { creditor, debtCase } = await disputedCaseWithSalaer();
    const staff = await makeStaff(db);
    const [state] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        staff,
        { paidOn: state!.interestBookedToOn!, kid: debtCase.kid, amountOre: 150_000, payer: 'Ola', bankReference: bankReference() },
        'desk',
      ),
    );

    await db.transaction((tx) =>
      decideDispute(
        tx,
        { userId: staff.userId, companyId: creditor.companyId },
        { caseId: debtCase.id, outcome: 'debtor', costsWaived: false, reason: 'Feil kunde' },
        'agency',
        onDay('2025-05-20'),
      ),
    );
    const after = await ledgerBy(debtCase.id);
    expect(after).toMatchObject({ principal: 0, interest: 0, fee: 0, total: -150_000 });
    await expect(
      db.transaction((tx) =>
        decideDispute(tx, creditor, { caseId: debtCase.id, outcome: 'debtor', costsWaived: true, reason: 'igjen' }, 'creditor'),
      ),
    ).rejects.toThrow('engine.errors.notDisputed');
  });

  it('refuses a partial amount of the whole principal or more, and another company’s case, writing nothing', async () => {
    const { creditor, debtCase } = await disputedCaseWithSalaer();
    const before = await ledgerBy(debtCase.id);
    await expect(
      db.transaction((tx) =>
        decideDispute(
          tx,
          creditor,
          { caseId: debtCase.id, outcome: 'partly', notOwedOre: 1_000_000, costsWaived: true, reason: 'x' },
          'creditor',
        ),
      ),
    ).rejects.toThrow('engine.errors.notOwedOutOfRange');
    const outsider = await makeCompany(db);
    const stranger = await makeUser(db, { memberships: [{ companyId: outsider.id, role: 'admin' }] });
    await expect(
      db.transaction((tx) =>
        decideDispute(
          tx,
          { userId: stranger.id, companyId: outsider.id },
          { caseId: debtCase.id, outcome: 'debtor', costsWaived: true, reason: 'x' },
          'creditor',
        ),
      ),
    ).rejects.toThrow('cases.errors.notFound');
    expect(await ledgerBy(debtCase.id)).toEqual(before);
    expect(
      await db
        .select()
        .from(events)
        .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'case.dispute_decided'))),
    ).toEqual([]);
  });

  it('the form: a partial decision needs its amount, typed the page’s way; a reason is required', () => {
    const base = { caseId: crypto.randomUUID(), locale: 'nb', reason: 'Delvis levert' };
    expect(decideDisputeSchema.safeParse({ ...base, outcome: 'partly', notOwed: '1 234,50', costsWaived: 'on' }).data).toMatchObject({
      notOwedOre: 123_450,
      costsWaived: true,
    });
    expect(decideDisputeSchema.safeParse({ ...base, outcome: 'partly' }).error?.issues[0]).toMatchObject({
      path: ['notOwed'],
      message: 'validation.required',
    });
    expect(decideDisputeSchema.safeParse({ ...base, outcome: 'debtor', reason: ' ' }).error?.issues[0]?.message).toBe(
      'engine.errors.decisionReasonRequired',
    );
  });
});

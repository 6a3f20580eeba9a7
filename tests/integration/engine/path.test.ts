import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { caseCollection, cases, events, interestRates, ledgerEntries, letters } from '@/db/schema';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { todayInOslo } from '@/lib/dates';
import { plusDays } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { ENGINE_JOB } from '@/lib/jobs/engine';
import { startWorker } from '@/lib/jobs/worker';
import { bankReference, makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { waitForJob } from '@/tests/helpers/wait';

async function runDays(companyId: string, from: string, days: number) {
  for (let day = 0; day < days; day += 1) await runEngine(db, { now: onDay(plusDays(from, day)), companyId });
}

async function caseLetters(caseId: string) {
  return db.select().from(letters).where(eq(letters.caseId, caseId)).orderBy(asc(letters.sentOn));
}

async function ledgerSum(caseId: string) {
  const [row] = await db
    .select({ total: sql<number>`sum(${ledgerEntries.amountOre})`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.caseId, caseId));
  return row!.total;
}

async function countRows(caseId: string) {
  const [l] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(letters)
    .where(eq(letters.caseId, caseId));
  const [e] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.caseId, caseId));
  const [v] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(events)
    .where(eq(events.caseId, caseId));
  return { letters: l!.n, ledger: e!.n, events: v!.n };
}

describe('the collection engine (moved clock)', () => {
  it('drives an overdue invoice through every stage, with letters, fees and interest the ledger explains', async () => {
    const company = await makeCompany(db);
    const staff = await makeStaff(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runDays(company.id, '2025-03-01', 60);
    let sent = await caseLetters(debtCase.id);
    // The notice the day after the reminder's deadline (29.03 still in time), the demand 3 days after the notice's.
    expect(sent.map((l) => `${l.kind}@${l.sentOn}`)).toEqual(['reminder@2025-03-15', 'notice@2025-03-30', 'demand@2025-04-16']);
    const demand = sent[2]!;
    // Principal, additional claims and interest separately on the demand; the amount due is the ledger's sum then.
    // Fees 35 + 35 + 560 kr; interest 02.03–16.04 = 46 days × 10 000 kr × 12.5 % / 365 = 157.53 kr.
    expect(demand).toMatchObject({
      principalOre: 1_000_000,
      feeOre: 63_000,
      interestOre: 15_753,
      amountDueOre: 1_078_753,
      deadlineOn: '2025-04-30',
      interestRateBasisPoints: 1_250,
      interestFromOn: '2025-03-02',
    });
    expect(demand.content.newFees).toEqual([{ feeKind: 'collection_fee_light', amountOre: 56_000 }]);
    expect(await ledgerSum(debtCase.id)).toBe(1_078_753);
    const [row] = await db.select().from(cases).where(eq(cases.id, debtCase.id));
    expect(row).toMatchObject({ stage: 'demand', balanceOre: 1_078_753 });
    // The history has each letter with its payment information.
    const letterEvents = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'letter.sent')))
      .orderBy(asc(events.occurredAt));
    expect(letterEvents.map((e) => e.data)).toContainEqual(
      expect.objectContaining({
        letterKind: 'demand',
        letterId: demand.id,
        kid: debtCase.kid,
        amountOre: 1_078_753,
        dueOn: '2025-04-30',
        accountNumber: '86011117947',
      }),
    );

    // Legal only after the desk's confirmation; the heavy fee only from day 29 of overrun (30.04 + 29 = 29.05).
    await runDays(company.id, '2025-05-01', 19);
    expect(await caseLetters(debtCase.id)).toHaveLength(3);
    await db.insert(caseCollection).values({ caseId: debtCase.id, companyId: company.id }).onConflictDoNothing();
    await db
      .update(caseCollection)
      .set({ legalConfirmedAt: new Date(), legalConfirmedByUserId: staff.userId })
      .where(eq(caseCollection.caseId, debtCase.id));
    await runEngine(db, { now: onDay('2025-05-20'), companyId: company.id });
    sent = await caseLetters(debtCase.id);
    expect(sent.at(-1)).toMatchObject({ kind: 'legal_notice', sentOn: '2025-05-20', newFeeOre: 0 });
    const heavyRows = () =>
      db
        .select({ amountOre: ledgerEntries.amountOre, bookedOn: ledgerEntries.bookedOn })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.caseId, debtCase.id), eq(ledgerEntries.feeKind, 'collection_fee_heavy')));
    await runDays(company.id, '2025-05-21', 8); // through 28.05: day 28 of overrun
    expect(await heavyRows()).toEqual([]);
    await runEngine(db, { now: onDay('2025-05-29'), companyId: company.id });
    // 2 × 560 kr less the light 560 kr already charged, with its reason in Historikk.
    expect(await heavyRows()).toEqual([{ amountOre: 56_000, bookedOn: '2025-05-29' }]);
    const [corrected] = await db
      .select()
      .from(events)
      .where(and(eq(events.caseId, debtCase.id), eq(events.type, 'claim.corrected')));
    expect(corrected?.data).toEqual({ component: 'fee', feeKind: 'collection_fee_heavy', amountOre: 56_000, reason: 'heavySalaer' });
    await runEngine(db, { now: onDay('2026-05-20'), companyId: company.id });
    sent = await caseLetters(debtCase.id);
    expect(sent.at(-1)).toMatchObject({ kind: 'surveillance_notice', sentOn: '2026-05-20' });
    const [after] = await db.select().from(cases).where(eq(cases.id, debtCase.id));
    expect(after!.stage).toBe('surveillance');
    expect(after!.balanceOre).toBe(await ledgerSum(debtCase.id));
  });

  it('running the same day twice, and with two workers at once, changes nothing the second time', async () => {
    const company = await makeCompany(db);
    const cases3 = await Promise.all([0, 1, 2].map(() => makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' })));
    const now = onDay('2025-03-15');
    const [a, b] = await Promise.all([
      runEngine(db, { now, companyId: company.id, batchSize: 1 }),
      runEngine(db, { now, companyId: company.id, batchSize: 1 }),
    ]);
    expect(a.letters + b.letters).toBe(3);
    const before = await Promise.all(cases3.map((c) => countRows(c.id)));
    const again = await runEngine(db, { now, companyId: company.id });
    expect(again.letters).toBe(0);
    expect(await Promise.all(cases3.map((c) => countRows(c.id)))).toEqual(before);
    for (const c of cases3) expect(before[cases3.indexOf(c)]).toEqual({ letters: 1, ledger: 3, events: 1 });
  });

  it('a pause sends nothing and moves the next deadline by its length', async () => {
    const company = await makeCompany(db);
    const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    const actor = { userId: writer.id, companyId: company.id, role: 'write' as const };
    await db.transaction((tx) =>
      changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'pause', expectedStatus: 'active' }, onDay('2025-03-20')),
    );
    await runDays(company.id, '2025-03-20', 10);
    expect(await caseLetters(debtCase.id)).toHaveLength(1);
    await db.transaction((tx) =>
      changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'resume', expectedStatus: 'paused' }, onDay('2025-03-30')),
    );
    await runDays(company.id, '2025-03-30', 15);
    // The notice was due on 30 March; 10 days paused → 9 April.
    expect((await caseLetters(debtCase.id)).map((l) => l.sentOn)).toEqual(['2025-03-15', '2025-04-09']);
  });

  it('a payment midway that clears the balance closes the case and stops the path', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    const [letter] = await caseLetters(debtCase.id);
    // Paid on 25 March: the letter's amount plus 10 more days of interest (P − D: 24 days 82.19 kr less 14 days 47.95 kr).
    const staff = await makeStaff(db);
    const paid = letter!.amountDueOre + 3_424;
    const result = await db.transaction((tx) =>
      receiveDebtorPayment(
        tx,
        staff,
        { paidOn: '2025-03-25', kid: debtCase.kid, amountOre: paid, payer: 'Ola', bankReference: bankReference() },
        'desk',
        onDay('2025-03-25'),
      ),
    );
    expect(result).toMatchObject({ outcome: 'allocated', caseClosed: true, split: { credit: 0 } });
    await runDays(company.id, '2025-03-26', 40);
    expect(await caseLetters(debtCase.id)).toHaveLength(1);
    const [row] = await db.select().from(cases).where(eq(cases.id, debtCase.id));
    expect(row).toMatchObject({ status: 'closed', stage: 'closed', balanceOre: 0 });
  });

  it('sends a new demand when legal collection has not started six months after the demand', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    for (const day of ['2025-03-15', '2025-03-30', '2025-04-16', '2025-10-15'])
      await runEngine(db, { now: onDay(day), companyId: company.id });
    expect((await caseLetters(debtCase.id)).slice(0, 3).map((l) => `${l.kind}@${l.sentOn}`)).toEqual([
      'reminder@2025-03-15',
      'notice@2025-03-30',
      'demand@2025-04-16',
    ]);
    await runEngine(db, { now: onDay('2025-10-16'), companyId: company.id });
    const renewed = (await caseLetters(debtCase.id)).at(-1)!;
    expect(renewed).toMatchObject({ kind: 'demand', sentOn: '2025-10-16', deadlineOn: '2025-10-30', newFeeOre: 0 });
    const [row] = await db.select().from(cases).where(eq(cases.id, debtCase.id));
    expect(row!.stage).toBe('demand');
  });

  it('a dispute holds the case at its stage until it is lifted', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2025-03-01' });
    await runEngine(db, { now: onDay('2025-03-15'), companyId: company.id });
    await db
      .update(caseCollection)
      .set({ disputedAt: new Date(), disputeReason: 'Varene kom aldri' })
      .where(eq(caseCollection.caseId, debtCase.id));
    await runDays(company.id, '2025-03-16', 40);
    expect(await caseLetters(debtCase.id)).toHaveLength(1);
    await db.update(caseCollection).set({ disputedAt: null }).where(eq(caseCollection.caseId, debtCase.id));
    await runEngine(db, { now: onDay('2025-04-25'), companyId: company.id });
    expect((await caseLetters(debtCase.id)).map((l) => l.kind)).toEqual(['reminder', 'notice']);
  });

  it('stops with an error on the case for a half-year without a rate, and goes on once the rate is added', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-06-10' });
    const result = await runEngine(db, { now: onDay('2026-07-05'), companyId: company.id });
    expect(result).toMatchObject({ letters: 0, errors: 1 });
    const [state] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
    expect(state).toMatchObject({ errorCode: 'missingInterestRate', errorOn: '2026-07-01' });
    await db.insert(interestRates).values({ validFrom: '2026-07-01', rateBasisPoints: 1_200, source: 'test' }).onConflictDoNothing();
    try {
      expect((await runEngine(db, { now: onDay('2026-07-05'), companyId: company.id })).letters).toBe(1);
      const [cleared] = await db.select().from(caseCollection).where(eq(caseCollection.caseId, debtCase.id));
      expect(cleared!.errorCode).toBeNull();
    } finally {
      await db.delete(interestRates).where(eq(interestRates.validFrom, '2026-07-01'));
    }
  });

  it('runs as a pg-boss job', async () => {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-01-02', principalOre: 50_000 });
    // The job runs on the real clock: the half-years up to today get a rate for the test, so it does not depend on
    // which half-year today is in (the half-year without a rate is the test above, on a moved clock).
    const added: string[] = [];
    for (let year = 2026; `${year}-01-01` <= todayInOslo(); year += 1) {
      for (const validFrom of [`${year}-01-01`, `${year}-07-01`])
        if (validFrom <= todayInOslo() && validFrom > '2026-01-01') added.push(validFrom);
    }
    const inserted = added.length
      ? await db
          .insert(interestRates)
          .values(added.map((validFrom) => ({ validFrom, rateBasisPoints: 1_200, source: 'test' })))
          .onConflictDoNothing()
          .returning()
      : [];
    const boss = await startWorker(databaseHandle(), { emailSender: null });
    try {
      expect(await waitForJob(boss, ENGINE_JOB, await boss.send(ENGINE_JOB, {}))).toBe('completed');
      expect((await caseLetters(debtCase.id)).map((l) => l.kind)).toEqual(['reminder']);
    } finally {
      await boss.stop({ graceful: false, wait: true });
      for (const row of inserted) await db.delete(interestRates).where(eq(interestRates.validFrom, row.validFrom));
    }
  });
});

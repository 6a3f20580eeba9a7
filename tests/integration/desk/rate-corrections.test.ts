import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseHandle, db } from '@/db';
import { events, interestRates, ledgerEntries, rateCorrectionReconciliations, rateCorrections } from '@/db/schema';
import { correctRate } from '@/lib/desk/rates/corrections';
import { addRate } from '@/lib/desk/rates/mutations';
import { listUnreconciledCorrections, reconcileRateCorrection } from '@/lib/desk/rates/reconcile-correction';
import { addRateSchema } from '@/lib/desk/rates/schemas';
import { runEngine } from '@/lib/engine/run';
import { loadTables } from '@/lib/engine/tables';
import { startWorker } from '@/lib/jobs/worker';
import { queueRateCorrection, RATE_CORRECTION_JOB, sendRateCorrection } from '@/lib/queue/kicks';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';
import { waitForJob } from '@/tests/helpers/wait';

const DAY = 86_400_000;

const bosses: PgBoss[] = [];
afterEach(async () => {
  await Promise.all(bosses.splice(0).map((boss) => boss.stop({ graceful: false, wait: true })));
});

async function interestOf(caseId: string) {
  const rows = await db
    .select({ amountOre: ledgerEntries.amountOre })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, 'interest')));
  return rows.reduce((total, row) => total + row.amountOre, 0);
}

/** What a rerun could write twice: the cases' ledger rows and Historikk lines. */
async function writtenFor(caseIds: string[]) {
  const [entries] = await db.select({ n: count() }).from(ledgerEntries).where(inArray(ledgerEntries.caseId, caseIds));
  const [lines] = await db.select({ n: count() }).from(events).where(inArray(events.caseId, caseIds));
  return { entries: entries?.n, lines: lines?.n };
}

/** The case's Historikk lines a rate correction writes: "the rate was corrected" and the claim's correction. */
async function correctionLines(caseId: string) {
  const rows = await db
    .select({ type: events.type, data: events.data })
    .from(events)
    .where(eq(events.caseId, caseId))
    .orderBy(asc(events.occurredAt));
  return {
    rateCorrected: rows.filter((e) => e.type === 'case.rate_corrected'),
    claimCorrected: rows.filter((e) => e.type === 'claim.corrected' && (e.data as { reason: string }).reason === 'rateCorrected'),
  };
}

/** Two companies' cases whose interest from 1 July 2026 is booked at the rate the desk entered. */
async function casesBookedAtTheRate(dueOn: string) {
  const cases = [];
  for (const principalOre of [1_000_000, 400_000]) {
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn, principalOre });
    await runEngine(db, { now: onDay('2026-07-20'), companyId: company.id });
    const { interestBookedToOn } = (await db.query.caseCollection.findFirst({ where: (c, { eq: is }) => is(c.caseId, debtCase.id) })) ?? {};
    const days = (Date.parse(interestBookedToOn ?? '') - Date.parse('2026-07-01')) / DAY;
    expect(days).toBeGreaterThan(10);
    cases.push({ id: debtCase.id, principalOre, days });
  }
  return cases;
}

const interestAt = (rate: number, { principalOre, days }: { principalOre: number; days: number }) =>
  Math.round((principalOre * rate * days) / 365);

const correctionForm = (value: string, source: string) => addRateSchema.parse({ kind: 'interest', validFrom: '2026-07-01', value, source });

async function worker() {
  const boss = await startWorker(databaseHandle(), { emailSender: null, smsSender: null });
  bosses.push(boss);
  return boss;
}

describe('correcting a rate entered on the desk (this file’s own database: no demo rates)', () => {
  it('the request only records the entry; its job reconciles each touched case once, and a rerun changes nothing', async () => {
    const staff = await makeStaff(db);
    // 2H 2026 typed wrong: 21,00 % instead of 12,00 %.
    await db.transaction((tx) =>
      addRate(
        tx,
        staff,
        addRateSchema.parse({ kind: 'interest', validFrom: '2026-07-01', value: '21,00', source: 'Norges Bank (feiltastet)' }),
      ),
    );
    const touched = await casesBookedAtTheRate('2026-07-01');
    for (const debtCase of touched) expect(await interestOf(debtCase.id)).toBe(interestAt(0.21, debtCase));

    // The action's transaction: the entry, and nothing done to the cases yet.
    const correctionId = await db.transaction((tx) =>
      correctRate(tx, staff, correctionForm('12,00', 'Norges Bank, rentemøte juni 2026'), onDay('2026-07-21')),
    );
    for (const debtCase of touched) {
      expect(await interestOf(debtCase.id)).toBe(interestAt(0.21, debtCase));
      expect(await correctionLines(debtCase.id)).toEqual({ rateCorrected: [], claimCorrected: [] });
    }
    expect(await listUnreconciledCorrections(db, 0)).toEqual([correctionId]);
    // The first entry stands as it was; the correction is its own row, and the engine reads the corrected figure.
    expect(
      await db.select({ bp: interestRates.rateBasisPoints }).from(interestRates).where(eq(interestRates.validFrom, '2026-07-01')),
    ).toEqual([{ bp: 2_100 }]);
    expect(await db.select({ value: rateCorrections.value, previousValue: rateCorrections.previousValue }).from(rateCorrections)).toEqual([
      { value: 1_200, previousValue: 2_100 },
    ]);
    expect((await loadTables(db)).rates.find((rate) => rate.validFrom === '2026-07-01')?.rateBasisPoints).toBe(1_200);

    // After the commit the action queues the job; the worker runs it.
    const boss = await worker();
    expect(await waitForJob(boss, RATE_CORRECTION_JOB, await queueRateCorrection(correctionId))).toBe('completed');
    for (const debtCase of touched) {
      // domain.md §3: principal × 12 % × days / 365, to the øre.
      expect(await interestOf(debtCase.id)).toBe(interestAt(0.12, debtCase));
      const lines = await correctionLines(debtCase.id);
      expect(lines.rateCorrected.map((e) => e.data)).toEqual([{ kind: 'interest', validFrom: '2026-07-01', from: 2_100, to: 1_200 }]);
      expect(lines.claimCorrected.map((e) => (e.data as { amountOre: number }).amountOre)).toEqual([
        interestAt(0.12, debtCase) - interestAt(0.21, debtCase),
      ]);
    }
    expect(await db.select({ caseCount: rateCorrectionReconciliations.caseCount }).from(rateCorrectionReconciliations)).toEqual([
      { caseCount: 2 },
    ]);
    expect(await listUnreconciledCorrections(db, 0)).toEqual([]);

    // A rerun (a retry, the sweep, another worker) writes nothing.
    const before = await writtenFor(touched.map((c) => c.id));
    expect(await waitForJob(boss, RATE_CORRECTION_JOB, await sendRateCorrection(boss, correctionId))).toBe('completed');
    expect(await reconcileRateCorrection(db, correctionId)).toEqual({ outcome: 'alreadyDone' });
    expect(await writtenFor(touched.map((c) => c.id))).toEqual(before);
    for (const debtCase of touched) expect(await interestOf(debtCase.id)).toBe(interestAt(0.12, debtCase));
  });

  it('two runs of one correction at once: one reconciles, the other finds it done', async () => {
    const staff = await makeStaff(db);
    const touched = await casesBookedAtTheRate('2026-07-01');
    const correctionId = await db.transaction((tx) => correctRate(tx, staff, correctionForm('11,50', 'Rettet igjen')));
    const outcomes = await Promise.all([reconcileRateCorrection(db, correctionId), reconcileRateCorrection(db, correctionId)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['alreadyDone', 'reconciled']);
    for (const debtCase of touched) {
      expect(await interestOf(debtCase.id)).toBe(interestAt(0.115, debtCase));
      const lines = await correctionLines(debtCase.id);
      expect(lines.rateCorrected).toHaveLength(1);
      expect(lines.claimCorrected).toHaveLength(1);
    }
  });

  it('refuses the code’s own figures, a figure the desk does not have, and the same figure again, writing nothing', async () => {
    const staff = await makeStaff(db);
    const correct = (form: { kind: string; validFrom: string; value: string }) =>
      db.transaction((tx) => correctRate(tx, staff, addRateSchema.parse({ ...form, source: 'Rettelse' })));
    await expect(correct({ kind: 'interest', validFrom: '2025-01-01', value: '12,00' })).rejects.toThrow(
      'desk.rates.errors.notCorrectable',
    );
    await expect(correct({ kind: 'standard_compensation', validFrom: '2030-07-01', value: '500' })).rejects.toThrow(
      'desk.rates.errors.notCorrectable',
    );
    await db.transaction((tx) =>
      addRate(tx, staff, addRateSchema.parse({ kind: 'interest', validFrom: '2030-01-01', value: '11,00', source: 'Norges Bank' })),
    );
    await expect(correct({ kind: 'interest', validFrom: '2030-01-01', value: '11,00' })).rejects.toThrow('desk.rates.errors.unchanged');
    expect(await db.select().from(rateCorrections).where(eq(rateCorrections.validFrom, '2030-01-01'))).toEqual([]);
  });
});

import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { events, interestRates, ledgerEntries, rateCorrections } from '@/db/schema';
import { correctRate } from '@/lib/desk/rates/corrections';
import { addRate } from '@/lib/desk/rates/mutations';
import { addRateSchema } from '@/lib/desk/rates/schemas';
import { runEngine } from '@/lib/engine/run';
import { loadTables } from '@/lib/engine/tables';
import { makeStaff } from '@/tests/helpers/debtor-payment-factories';
import { makeOverdueCase, onDay } from '@/tests/helpers/engine-factories';
import { makeCompany } from '@/tests/helpers/factories';

const DAY = 86_400_000;

async function interestOf(caseId: string) {
  const rows = await db
    .select({ amountOre: ledgerEntries.amountOre })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, 'interest')));
  return rows.reduce((total, row) => total + row.amountOre, 0);
}

describe('correcting a rate entered on the desk (this file’s own database: no demo rates)', () => {
  it('is a new dated entry; the cases that used it are reconciled to the corrected rate, each with a line in Historikk', async () => {
    const staff = await makeStaff(db);
    // 2H 2026 typed wrong: 21,00 % instead of 12,00 %.
    await db.transaction((tx) =>
      addRate(
        tx,
        staff,
        addRateSchema.parse({ kind: 'interest', validFrom: '2026-07-01', value: '21,00', source: 'Norges Bank (feiltastet)' }),
      ),
    );
    const company = await makeCompany(db);
    const debtCase = await makeOverdueCase(db, { companyId: company.id, dueOn: '2026-07-01', principalOre: 1_000_000 });
    await runEngine(db, { now: onDay('2026-07-20'), companyId: company.id });
    const { interestBookedToOn } = (await db.query.caseCollection.findFirst({ where: (c, { eq: is }) => is(c.caseId, debtCase.id) })) ?? {};
    const days = (Date.parse(interestBookedToOn ?? '') - Date.parse('2026-07-01')) / DAY;
    expect(days).toBeGreaterThan(10);
    expect(await interestOf(debtCase.id)).toBe(Math.round((1_000_000 * 0.21 * days) / 365));

    const corrected = await db.transaction((tx) =>
      correctRate(
        tx,
        staff,
        addRateSchema.parse({ kind: 'interest', validFrom: '2026-07-01', value: '12,00', source: 'Norges Bank, rentemøte juni 2026' }),
        onDay('2026-07-21'),
      ),
    );
    expect(corrected).toBe(1);
    // domain.md §3: 10 000 kr × 12 % × days / 365, to the øre.
    expect(await interestOf(debtCase.id)).toBe(Math.round((1_000_000 * 0.12 * days) / 365));
    // The first entry stands as it was; the correction is its own row, and the engine reads the corrected figure.
    expect(
      await db.select({ bp: interestRates.rateBasisPoints }).from(interestRates).where(eq(interestRates.validFrom, '2026-07-01')),
    ).toEqual([{ bp: 2_100 }]);
    expect(await db.select({ value: rateCorrections.value, previousValue: rateCorrections.previousValue }).from(rateCorrections)).toEqual([
      { value: 1_200, previousValue: 2_100 },
    ]);
    expect((await loadTables(db)).rates.find((rate) => rate.validFrom === '2026-07-01')?.rateBasisPoints).toBe(1_200);

    const history = await db
      .select({ type: events.type, data: events.data })
      .from(events)
      .where(eq(events.caseId, debtCase.id))
      .orderBy(asc(events.occurredAt));
    expect(history.find((e) => e.type === 'case.rate_corrected')?.data).toEqual({
      kind: 'interest',
      validFrom: '2026-07-01',
      from: 2_100,
      to: 1_200,
    });
    const interestCorrection = history.find(
      (e) => e.type === 'claim.corrected' && (e.data as { reason: string }).reason === 'rateCorrected',
    );
    expect((interestCorrection?.data as { amountOre: number }).amountOre).toBe(
      Math.round((1_000_000 * 0.12 * days) / 365) - Math.round((1_000_000 * 0.21 * days) / 365),
    );
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

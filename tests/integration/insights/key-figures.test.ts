import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases, ledgerEntries } from '@/db/schema';
import { getKeyFigures } from '@/lib/insights/queries';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany } from '@/tests/helpers/factories';

async function pay(companyId: string, caseId: string, amountOre: number, bookedOn: string) {
  await db.insert(ledgerEntries).values({ companyId, caseId, kind: 'payment', amountOre: -amountOre, bookedOn });
}

describe('Innsikt key figures', () => {
  it('match a hand-computed fixture, and leave out other companies', async () => {
    const company = await makeCompany(db);
    const active = await makeCase(db, { companyId: company.id }); // 10 000 kr + 35 kr fee
    await makeCase(db, { companyId: company.id, status: 'paused', invoiceAmountsOre: [500_000] }); // 5 035 kr
    const paid = await makeCase(db, { companyId: company.id, status: 'closed' });
    await db
      .update(cases)
      .set({ balanceOre: 0, registeredAt: new Date('2026-10-01T00:00:00Z'), closedAt: new Date('2026-10-31T00:00:00Z') })
      .where(eq(cases.id, paid.id));
    const agencyClosed = await makeCase(db, { companyId: company.id, status: 'closed' });
    await db.update(cases).set({ balanceOre: 200_000 }).where(eq(cases.id, agencyClosed.id));
    await makeCase(db, { companyId: company.id, status: 'withdrawn' });

    await pay(company.id, active.id, 100_000, '2026-11-05');
    await pay(company.id, active.id, 50_000, '2026-11-20');
    await pay(company.id, active.id, 7, '2026-11-21'); // after "today"
    await pay(company.id, active.id, 30_000, '2026-02-10');
    await pay(company.id, active.id, 20_000, '2025-12-01'); // in the chart, not this year
    await pay(company.id, active.id, 999, '2025-11-30'); // in neither

    const other = await makeCompany(db);
    const theirs = await makeCase(db, { companyId: other.id });
    await pay(other.id, theirs.id, 1_000_000, '2026-11-10');

    const figures = await getKeyFigures([company.id], '2026-11-20');
    expect(figures).toMatchObject({
      activeCases: 1,
      outstandingOre: 1_003_500 + 503_500,
      collectedThisMonthOre: 150_000,
      collectedThisYearOre: 180_000,
      paidShare: 0.5,
      averageDaysToPayment: 30,
    });
    const chart = Object.fromEntries(figures.collectedByMonth.map((m) => [m.month, m.collectedOre]));
    expect(Object.keys(chart)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(chart).toMatchObject({ '2025-12': 20_000, '2026-01': 0, '2026-02': 30_000, '2026-11': 150_000 });

    const both = await getKeyFigures([company.id, other.id], '2026-11-20');
    expect(both.activeCases).toBe(2);
    expect(both.collectedThisMonthOre).toBe(1_150_000);
    expect((await getKeyFigures([], '2026-11-20')).activeCases).toBe(0);
  });
});

import { eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { executeRows } from '@/db/client';
import { caseFigureDeltas, cases, debtors } from '@/db/schema';
import { foldCaseFigures } from '@/lib/jobs/maintenance';
import { caseFiguresSql } from '@/lib/insights/sql';
import { makeCase } from '@/tests/helpers/case-factories';
import { makeCompany } from '@/tests/helpers/factories';

// Innsikt reads its case figures from running sums kept by triggers; they must always equal a count of the cases.

type Figures = { active: number; outstanding: number; closed: number; paid: number; avgDays: number | null };

async function one(query: SQL): Promise<Record<string, unknown>> {
  const [row] = await executeRows(db, query);
  return row ?? {};
}

function figures(row: Record<string, unknown>): Figures {
  const avg = row.avg_days_to_payment;
  return {
    active: Number(row.active_cases),
    outstanding: Number(row.outstanding_ore),
    closed: Number(row.closed_cases),
    paid: Number(row.closed_paid),
    avgDays: avg == null ? null : Math.round(Number(avg) * 1e6) / 1e6,
  };
}

/** The reference: the figures counted straight from the cases, as Innsikt did before the running sums. */
async function countedFromCases(companyId: string): Promise<Figures> {
  return figures(
    await one(sql`select
      count(*) filter (where status = 'active') as active_cases,
      coalesce(sum(balance_ore) filter (where status in ('active', 'paused')), 0) as outstanding_ore,
      count(*) filter (where status = 'closed') as closed_cases,
      count(*) filter (where status = 'closed' and balance_ore <= 0) as closed_paid,
      avg(extract(epoch from (closed_at - registered_at)) / 86400) filter (where status = 'closed' and balance_ore <= 0 and closed_at is not null) as avg_days_to_payment
    from cases where company_id = ${companyId}`),
  );
}

const fromRunningSums = async (companyId: string) => figures(await one(caseFiguresSql([companyId])));
const sumRows = async (companyId: string) =>
  (await db.select().from(caseFigureDeltas).where(eq(caseFigureDeltas.companyId, companyId))).length;

async function closeAsPaid(caseId: string, days: number) {
  const registeredAt = new Date('2026-09-01T08:00:00Z');
  await db
    .update(cases)
    .set({ status: 'closed', balanceOre: 0, registeredAt, closedAt: new Date(registeredAt.getTime() + days * 86_400_000) })
    .where(eq(cases.id, caseId));
}

/** A case with no invoices or ledger rows, which can be deleted outright. */
async function bareCase(companyId: string, balanceOre: number) {
  const [debtor] = await db
    .insert(debtors)
    .values({ companyId, customerNumber: `B-${balanceOre}`, kind: 'person', name: 'Bare Sak', searchName: 'bare sak' })
    .returning();
  const [row] = await db
    .insert(cases)
    .values({
      companyId,
      debtorId: debtor!.id,
      kid: '0000000000000',
      source: 'manual',
      originalAmountOre: balanceOre,
      balanceOre,
      dueOn: '2026-10-01',
    })
    .returning();
  return row!;
}

describe("Innsikt's running case figures", () => {
  it('equal a count of the cases after inserts, updates, deletes, a rollback and concurrent transactions, and after folding', async () => {
    const company = await makeCompany(db);
    const other = await makeCompany(db);
    const mine = [];
    for (const status of ['active', 'active', 'paused', 'closed', 'withdrawn', 'active'] as const)
      mine.push(await makeCase(db, { companyId: company.id, status }));
    const theirs = await makeCase(db, { companyId: other.id });

    await closeAsPaid(mine[0]!.id, 30);
    await closeAsPaid(mine[5]!.id, 12.5);
    await db.update(cases).set({ status: 'active' }).where(eq(cases.id, mine[2]!.id));
    await db
      .update(cases)
      .set({ balanceOre: sql`balance_ore - 1000` })
      .where(eq(cases.companyId, company.id));
    const gone = await bareCase(company.id, 77_700);
    await db.delete(cases).where(eq(cases.id, gone.id));
    await bareCase(company.id, 12_300);
    await expect(
      db.transaction(async (tx) => {
        await tx.update(cases).set({ status: 'closed', balanceOre: 0 }).where(eq(cases.companyId, company.id));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // Concurrent transactions on the same company: none waits on another, and every change counts.
    await Promise.all(
      mine.map((row, index) =>
        db.transaction((tx) =>
          tx
            .update(cases)
            .set({ balanceOre: sql`balance_ore + ${(index + 1) * 111}` })
            .where(eq(cases.id, row.id)),
        ),
      ),
    );

    const expected = await countedFromCases(company.id);
    expect(expected.active).toBe(3);
    expect(expected.paid).toBe(2);
    expect(await fromRunningSums(company.id)).toEqual(expected);
    expect(await fromRunningSums(other.id)).toEqual(await countedFromCases(other.id));
    expect(await sumRows(company.id)).toBeGreaterThan(5);

    await foldCaseFigures(db);
    expect(await sumRows(company.id)).toBe(1);
    expect(await fromRunningSums(company.id)).toEqual(expected);
    expect(await fromRunningSums(other.id)).toEqual(await countedFromCases(other.id));
    expect(theirs.companyId).toBe(other.id);
  });

  it('lose nothing when a fold runs while another transaction is writing', async () => {
    const company = await makeCompany(db);
    const row = await makeCase(db, { companyId: company.id });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wasWritten = new Promise<void>((resolve) => (written = resolve));
    const writer = db.transaction(async (tx) => {
      await tx.update(cases).set({ status: 'paused', balanceOre: 5_000 }).where(eq(cases.id, row.id));
      written();
      await released;
    });
    await wasWritten;
    await foldCaseFigures(db); // does not see the open transaction's row
    release();
    await writer;
    expect(await fromRunningSums(company.id)).toEqual(await countedFromCases(company.id));
    await foldCaseFigures(db);
    expect(await fromRunningSums(company.id)).toEqual({ active: 0, outstanding: 5_000, closed: 0, paid: 0, avgDays: null });
  });
});

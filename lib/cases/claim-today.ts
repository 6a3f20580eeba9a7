// No 'server-only': the claim is read by pages and by tests alike.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { caseCollection, cases } from '@/db/schema';
import { interestUpTo, MissingInterestRateError } from '@/lib/engine/rules';
import { loadTables } from '@/lib/engine/tables';
import { outstandingByComponent, sumLedgerOre } from '@/lib/ledger';

export type ClaimToday = {
  /** The ledger's balance: what is booked. */
  bookedOre: number;
  /** Interest since the last booking, computed to today and not booked. */
  accruedInterestOre: number;
  /** What the debtor owes today: booked + accrued. */
  totalOre: number;
  /** The first day without an interest rate when the accrual stops short of today (the desk's Satser), else null. */
  rateMissingFrom: string | null;
};

/**
 * Today's claim on a case: the ledger plus the interest a payment made today would book first (the engine's own
 * pure rule, lib/engine/accrual.ts), so paying X lowers it by exactly X. Only cases the engine has started accrue
 * (it books the first interest with the first letter), and only while active or paused.
 */
export async function claimToday(executor: Executor, companyId: string, caseId: string, today: string): Promise<ClaimToday> {
  const [[row], bookedOre] = await Promise.all([
    executor
      .select({ status: cases.status, dueOn: cases.dueOn, bookedToOn: caseCollection.interestBookedToOn, carryUnits: caseCollection.interestCarryUnits })
      .from(cases)
      .leftJoin(caseCollection, eq(caseCollection.caseId, cases.id))
      .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId))),
    sumLedgerOre(executor, companyId, caseId),
  ]);
  const booked = { bookedOre, accruedInterestOre: 0, totalOre: bookedOre, rateMissingFrom: null };
  if (!row?.bookedToOn || (row.status !== 'active' && row.status !== 'paused')) return booked;
  const [owed, { rates }] = await Promise.all([outstandingByComponent(executor, companyId, caseId), loadTables(executor)]);
  try {
    const { interestOre } = interestUpTo({ dueOn: row.dueOn, owed, interestBookedToOn: row.bookedToOn, interestCarryUnits: row.carryUnits ?? 0n }, today, rates);
    return { ...booked, accruedInterestOre: interestOre, totalOre: bookedOre + interestOre };
  } catch (error) {
    if (error instanceof MissingInterestRateError) return { ...booked, rateMissingFrom: error.onDate };
    throw error;
  }
}

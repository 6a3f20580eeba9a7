import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { cases } from '@/db/schema';
import { loadClaimCase } from '@/lib/engine/reconcile';
import { laterOf, MissingFeeTableError, MissingInterestRateError, reconcilePlan } from '@/lib/engine/rules';
import { loadTables } from '@/lib/engine/tables';
import { sumLedgerOre } from '@/lib/ledger';

export type ClaimToday = {
  /** The ledger's balance: what is booked. */
  bookedOre: number;
  /** What the claim adds to the booked balance by today (interest since the last booking): computed, not booked. */
  accruedInterestOre: number;
  /** What the debtor owes today: the engine's claim (claimOn) on today. */
  totalOre: number;
  /** The first day without an interest rate or fee figure when the claim cannot be computed to today, else null. */
  rateMissingFrom: string | null;
};

/**
 * Today's claim on a case: the engine's own claim (lib/engine/rules/claim.ts) on today, the same figure a payment made
 * today is reconciled against, so paying X lowers it by exactly X. Only cases the engine has started have a claim
 * beyond the booked balance (the first letter books everything before it), and only while active or paused.
 */
export async function claimToday(executor: Executor, companyId: string, caseId: string, today: string): Promise<ClaimToday> {
  const [[row], bookedOre] = await Promise.all([
    executor
      .select({ status: cases.status })
      .from(cases)
      .where(and(eq(cases.companyId, companyId), eq(cases.id, caseId))),
    sumLedgerOre(executor, companyId, caseId),
  ]);
  const booked: ClaimToday = { bookedOre, accruedInterestOre: 0, totalOre: bookedOre, rateMissingFrom: null };
  if (!row || (row.status !== 'active' && row.status !== 'paused')) return booked;
  return executor.transaction(async (tx) => {
    const loaded = await loadClaimCase(tx, caseId, today);
    if (!loaded) return booked;
    try {
      const tables = await loadTables(tx);
      const { claim } = reconcilePlan(loaded.snapshot, loaded.agreement, laterOf(today, loaded.snapshot.reconciledOn ?? today), tables);
      return { ...booked, accruedInterestOre: claim.totalOre - bookedOre, totalOre: claim.totalOre };
    } catch (error) {
      if (error instanceof MissingInterestRateError || error instanceof MissingFeeTableError)
        return { ...booked, rateMissingFrom: error.onDate };
      throw error;
    }
  });
}

import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, cases } from '@/db/schema';
import { outstandingByComponent, postEntries, type LockedCase } from '@/lib/ledger';
import { interestUpTo, MissingInterestRateError } from './rules';
import { loadTables } from './tables';

/** The idempotency key of the interest booked up to a day outside a letter: at most one such row per case and day. */
export function accrualKey(caseId: string, onDate: string): string {
  return `engine:interest:${caseId}:${onDate}`;
}

/**
 * Books the interest a case has run up before `onDate` (a payment's date, a withdrawal): the ledger then explains
 * every amount. Only for cases the engine has started (it books the first interest with the first letter); a
 * missing rate leaves the interest unbooked and puts the error on the desk, and the payment still goes through.
 */
export async function bookInterestBefore(tx: Tx, locked: LockedCase, onDate: string): Promise<number> {
  const [state] = await tx.select().from(caseCollection).where(eq(caseCollection.caseId, locked.id));
  if (!state?.interestBookedToOn || onDate <= state.interestBookedToOn) return 0;
  const [row] = await tx.select({ dueOn: cases.dueOn }).from(cases).where(and(eq(cases.companyId, locked.companyId), eq(cases.id, locked.id)));
  if (!row) return 0;
  const owed = await outstandingByComponent(tx, locked.companyId, locked.id);
  const { rates } = await loadTables(tx);
  try {
    const accrual = interestUpTo({ dueOn: row.dueOn, owed, interestBookedToOn: state.interestBookedToOn, interestCarryUnits: state.interestCarryUnits }, onDate, rates);
    if (accrual.interestOre > 0) await postEntries(tx, locked, [{ kind: 'interest', amountOre: accrual.interestOre, bookedOn: onDate, idempotencyKey: accrualKey(locked.id, onDate) }]);
    await tx
      .update(caseCollection)
      .set({ interestBookedToOn: accrual.bookedToOn, interestCarryUnits: accrual.carryUnits, updatedAt: new Date() })
      .where(eq(caseCollection.caseId, locked.id));
    return accrual.interestOre;
  } catch (error) {
    if (!(error instanceof MissingInterestRateError)) throw error;
    await tx.update(caseCollection).set({ errorCode: 'missingInterestRate', errorOn: error.onDate }).where(eq(caseCollection.caseId, locked.id));
    return 0;
  }
}

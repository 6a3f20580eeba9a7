// No 'server-only': payments are also booked from the CLI, the job worker and the seed.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, debtorPayments } from '@/db/schema';
import { recordCaseEvents } from '@/lib/events/record';
import { postEntriesForCases, type LedgerPosting } from '@/lib/ledger';
import { laterOf, MissingFeeTableError, MissingInterestRateError, reconcilePlan, type Claim, type LetterPlan, type ReconcilePlan, type Tables } from './rules';
import { loadLockedCases, type LoadedCase } from './snapshot';
import { loadTables } from './tables';

// One path for every change of a case's claim: letters, payments (also back-dated), credit notes, withdrawal and
// the heavy salær's day. The pure rules say what the claim is; this posts the difference as new ledger entries,
// tells each correction in Historikk, and records the day the ledger now stands at.

export type Reconciliation = { loaded: LoadedCase; plan: LetterPlan | ReconcilePlan; letterId?: string };

/** Posts the plans' entries (keyed by the letter when there is one) and records their corrections, for many cases at once. */
export async function writeReconciliations(tx: Tx, items: Reconciliation[], now: Date): Promise<{ ledgerRows: number; events: number }> {
  if (items.length === 0) return { ledgerRows: 0, events: 0 };
  const postings: (LedgerPosting & { companyId: string; caseId: string })[] = items.flatMap(({ loaded, plan, letterId }) =>
    plan.postings.map((posting, index) => ({
      companyId: loaded.companyId,
      caseId: loaded.id,
      kind: posting.kind,
      amountOre: posting.amountOre,
      bookedOn: plan.claim.day,
      currency: loaded.currency,
      feeKind: posting.kind === 'fee' ? posting.feeKind : null,
      covers: posting.kind === 'payment' ? posting.covers : null,
      debtorPaymentId: posting.kind === 'payment' ? posting.debtorPaymentId : null,
      idempotencyKey: letterId ? `engine:${letterId}:${index}` : null,
    })),
  );
  await postEntriesForCases(tx, items.map(({ loaded }) => loaded.id), postings);
  const events = items.flatMap(({ loaded, plan }) =>
    plan.corrections.map((correction) => ({
      actor: { userId: null, companyId: loaded.companyId },
      event: { type: 'claim.corrected' as const, caseId: loaded.id, data: correction },
      // After the letter or payment that caused them, so the history lists them in order.
      occurredAt: new Date(now.getTime() + 2),
    })),
  );
  await recordCaseEvents(tx, events);
  await tx
    .insert(caseCollection)
    .values(items.map(({ loaded, plan }) => ({ caseId: loaded.id, companyId: loaded.companyId, interestBookedToOn: plan.claim.day, updatedAt: now })))
    .onConflictDoUpdate({ target: caseCollection.caseId, set: { interestBookedToOn: sql`excluded.interest_booked_to_on`, errorCode: null, errorOn: null, updatedAt: now } });
  await storeSplits(tx, items);
  return { ledgerRows: postings.length, events: events.length };
}

/** Keeps each debtor payment's stored split (shown on the desk) equal to its ledger rows after a re-allocation. */
async function storeSplits(tx: Tx, items: Reconciliation[]) {
  for (const { plan } of items) {
    const moved = new Set(plan.postings.flatMap((posting) => (posting.kind === 'payment' ? [posting.debtorPaymentId] : [])));
    for (const id of moved) {
      const split = plan.claim.allocations.get(id);
      if (!split) continue;
      await tx
        .update(debtorPayments)
        .set({ principalOre: split.principal, interestOre: split.interest, feeOre: split.fee, creditOre: split.credit })
        .where(eq(debtorPayments.id, id));
    }
  }
}

/**
 * Brings one case's ledger to its claim on `day` (or the day the ledger already stands at, if later), in the
 * caller's transaction and under its lock. Only for cases the engine has started (their first letter books
 * everything up to it). A missing rate or fee figure leaves the ledger as it is and puts the error on the desk.
 * Returns the claim, or null when nothing was reconciled.
 */
export async function reconcileCase(tx: Tx, caseId: string, day: string, options: { tables?: Tables; paymentId?: string; now?: Date } = {}): Promise<Claim | null> {
  const [loaded] = await loadLockedCases(tx, [caseId], day, ['active', 'paused']);
  if (!loaded?.snapshot.reconciledOn) return null;
  const tables = options.tables ?? (await loadTables(tx));
  try {
    const plan = reconcilePlan(loaded.snapshot, loaded.agreement, laterOf(day, loaded.snapshot.reconciledOn), tables, { paymentId: options.paymentId });
    await writeReconciliations(tx, [{ loaded, plan }], options.now ?? new Date());
    return plan.claim;
  } catch (error) {
    if (!(error instanceof MissingInterestRateError || error instanceof MissingFeeTableError)) throw error;
    const code = error instanceof MissingInterestRateError ? 'missingInterestRate' : 'missingFeeTable';
    await tx.update(caseCollection).set({ errorCode: code, errorOn: error.onDate }).where(eq(caseCollection.caseId, caseId));
    return null;
  }
}

// No 'server-only': payments are also booked from the CLI, the job worker and the seed.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, debtorPayments } from '@/db/schema';
import { recordEvents } from '@/lib/events/record';
import { postEntriesForCases, type LedgerPosting } from '@/lib/ledger';
import {
  laterOf,
  MissingFeeTableError,
  MissingInterestRateError,
  reconcilePlan,
  type Claim,
  type CorrectionCause,
  type LetterPlan,
  type ReconcilePlan,
  type Tables,
} from './rules';
import { loadLockedCases, type LoadedCase } from './snapshot';
import { loadTables } from './tables';

// One path for every change of a case's claim: letters, payments (also back-dated), credit notes, withdrawal and
// the heavy salær's day. The pure rules say what the claim is; this posts the difference as new ledger entries,
// tells each correction in Historikk, and records the day the ledger now stands at.

export type Reconciliation = { loaded: LoadedCase; plan: LetterPlan | ReconcilePlan; letterId?: string };

/** Posts the plans' entries (keyed by the letter when there is one) and records their corrections, for many cases at once; `letters`: the plans are letters'. */
export async function writeReconciliations(
  tx: Tx,
  items: Reconciliation[],
  now: Date,
  letters = false,
): Promise<{ ledgerRows: number; events: number }> {
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
  await postEntriesForCases(
    tx,
    items.map(({ loaded }) => loaded.id),
    postings,
  );
  const events = items.flatMap(({ loaded, plan }) =>
    plan.corrections.map((correction) => ({
      actor: { userId: null, companyId: loaded.companyId },
      event: { type: 'claim.corrected' as const, caseId: loaded.id, data: correction },
      // After the letter or payment that caused them, so the history lists them in order.
      occurredAt: new Date(now.getTime() + 2),
    })),
  );
  await recordEvents(tx, events);
  await tx
    .insert(caseCollection)
    .values(
      items.map(({ loaded, plan }) => ({
        caseId: loaded.id,
        companyId: loaded.companyId,
        interestBookedToOn: plan.claim.day,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: caseCollection.caseId,
      // After a letter the next deadline counts from it: the pause before it is spent.
      set: {
        interestBookedToOn: sql`excluded.interest_booked_to_on`,
        errorCode: null,
        errorOn: null,
        updatedAt: now,
        ...(letters ? { pausedDays: 0 } : {}),
      },
    });
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

/** The case as the claim needs it, locked; null when the engine has not started it (its first letter books everything). */
export async function loadClaimCase(tx: Tx, caseId: string, day: string): Promise<LoadedCase | null> {
  const [loaded] = await loadLockedCases(tx, [caseId], day, ['active', 'paused']);
  return loaded?.snapshot.reconciledOn ? loaded : null;
}

/** The claim on `day` (or the day the ledger stands at, if later) without writing anything; null when a table lacks a figure. */
export function claimOfLoaded(loaded: LoadedCase, day: string, tables: Tables): Claim | null {
  try {
    return reconcilePlan(loaded.snapshot, loaded.agreement, laterOf(day, loaded.snapshot.reconciledOn ?? day), tables).claim;
  } catch (error) {
    if (error instanceof MissingInterestRateError || error instanceof MissingFeeTableError) return null;
    throw error;
  }
}

/**
 * Brings a loaded case's ledger to its claim on `day` (or the day the ledger already stands at, if later), in the
 * caller's transaction and under its lock. A missing rate or fee figure leaves the ledger as it is and puts the
 * error on the desk. Returns the claim, or null when nothing was reconciled.
 */
export async function reconcileLoaded(
  tx: Tx,
  loaded: LoadedCase,
  day: string,
  tables: Tables,
  options: { paymentId?: string; cause?: CorrectionCause; now?: Date } = {},
): Promise<Claim | null> {
  try {
    const plan = reconcilePlan(loaded.snapshot, loaded.agreement, laterOf(day, loaded.snapshot.reconciledOn ?? day), tables, {
      paymentId: options.paymentId,
      cause: options.cause,
    });
    await writeReconciliations(tx, [{ loaded, plan }], options.now ?? new Date());
    return plan.claim;
  } catch (error) {
    if (!(error instanceof MissingInterestRateError || error instanceof MissingFeeTableError)) throw error;
    const code = error instanceof MissingInterestRateError ? 'missingInterestRate' : 'missingFeeTable';
    await tx.update(caseCollection).set({ errorCode: code, errorOn: error.onDate }).where(eq(caseCollection.caseId, loaded.id));
    return null;
  }
}

/** loadClaimCase + reconcileLoaded: one case's ledger brought to its claim (payments, withdrawal). */
export async function reconcileCase(
  tx: Tx,
  caseId: string,
  day: string,
  options: { tables?: Tables; paymentId?: string; cause?: CorrectionCause; now?: Date } = {},
): Promise<Claim | null> {
  const loaded = await loadClaimCase(tx, caseId, day);
  if (!loaded) return null;
  return reconcileLoaded(tx, loaded, day, options.tables ?? (await loadTables(tx)), options);
}

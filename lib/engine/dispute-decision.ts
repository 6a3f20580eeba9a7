import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { caseCollection, ledgerEntries } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { DomainError } from '@/lib/errors';
import { recordEvent, type EventActor } from '@/lib/events/record';
import { lockCase, postEntries } from '@/lib/ledger';
import { loadClaimCase, reconcileLoaded } from './reconcile';
import { loadTables } from './tables';

/**
 * `debtor`: the debtor owes nothing of the claim. `partly`: the debtor does not owe `notOwedOre` of the principal.
 * `costsWaived`: the debtor had reasonable grounds to dispute, so no collection cost stands (always so for `debtor`).
 */
export type DisputeDecision = { caseId: string; outcome: 'debtor' | 'partly'; notOwedOre?: number; costsWaived: boolean; reason: string };

/** The principal still claimed: the principal rows less the credit notes (a payment does not make it owed less). */
async function claimedPrincipalOre(tx: Tx, companyId: string, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<string | null>`sum(${ledgerEntries.amountOre})` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.companyId, companyId),
        eq(ledgerEntries.caseId, caseId),
        inArray(ledgerEntries.kind, ['principal', 'credit_note']),
      ),
    );
  return Number(row?.total ?? 0);
}

/**
 * Answers an open dispute (innsigelse) in the debtor's favour, wholly or partly, as the creditor or the desk. The
 * amount not owed comes off the principal from the due date (a principal row: no interest ever ran on it), the
 * dispute is lifted, and the ledger is reconciled to the claim (claimOn): interest on that part and, when the
 * debtor had reasonable grounds, every collection cost are taken back, each as claim.corrected in Historikk. What
 * the debtor paid beyond the claim is a credit on the case. Throws DomainError when the case is not disputed.
 */
export async function decideDispute(
  tx: Tx,
  actor: EventActor & { companyId: string },
  input: DisputeDecision,
  by: 'creditor' | 'agency',
  now = new Date(),
) {
  const locked = await lockCase(tx, actor.companyId, input.caseId);
  if (locked.status === 'withdrawn' || locked.status === 'closed') throw new DomainError('engine.errors.caseEnded');
  const [state] = await tx
    .select({ disputedAt: caseCollection.disputedAt })
    .from(caseCollection)
    .where(eq(caseCollection.caseId, locked.id));
  if (!state?.disputedAt) throw new DomainError('engine.errors.notDisputed');
  const claimed = await claimedPrincipalOre(tx, locked.companyId, locked.id);
  const notOwedOre = input.outcome === 'debtor' ? claimed : (input.notOwedOre ?? 0);
  // Partly: some of it, not all (all is the debtor's outcome) and never more than is claimed.
  if (input.outcome === 'partly' && (notOwedOre <= 0 || notOwedOre >= claimed)) throw new DomainError('engine.errors.notOwedOutOfRange');
  const costsWaived = input.outcome === 'debtor' || input.costsWaived;
  const today = todayInOslo(now);
  if (notOwedOre > 0)
    await postEntries(tx, locked, [{ kind: 'principal', amountOre: -notOwedOre, bookedOn: today, createdByUserId: actor.userId }]);
  await tx
    .update(caseCollection)
    .set({ disputedAt: null, disputeReason: null, updatedAt: now, ...(costsWaived ? { costsWaivedOn: today } : {}) })
    .where(eq(caseCollection.caseId, locked.id));
  await recordEvent(
    tx,
    actor,
    {
      type: 'case.dispute_decided',
      caseId: locked.id,
      data: { outcome: input.outcome, amountOre: notOwedOre, costsWaived, reason: input.reason, by },
    },
    now,
  );
  // At the day the ledger stands at, so the corrections are the decision's alone (not interest accrued since).
  const loaded = await loadClaimCase(tx, locked.id, today);
  if (loaded)
    await reconcileLoaded(tx, loaded, loaded.snapshot.reconciledOn ?? today, await loadTables(tx), {
      cause: 'disputeDecided',
      now: new Date(now.getTime() + 1),
    });
  return { notOwedOre, costsWaived };
}

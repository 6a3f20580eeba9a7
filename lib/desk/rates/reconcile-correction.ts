import { and, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { caseCollection, cases, rateCorrectionReconciliations, rateCorrections } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { loadClaimCase, reconcileLoaded } from '@/lib/engine/reconcile';
import { loadTables } from '@/lib/engine/tables';
import { recordEvents } from '@/lib/events/record';

export type CorrectionReconciliation = { outcome: 'reconciled'; caseCount: number } | { outcome: 'alreadyDone' } | { outcome: 'unknown' };

/**
 * A rate correction's job: every active or paused case whose ledger already stands on or after the rate's date is
 * reconciled to its claim under the corrected tables (claim.corrected, "a rate was corrected"), with a line in its
 * Historikk saying what changed. Once per correction: the correction's row lock and its reconciliation row, written
 * in the same transaction, make a rerun (a retry, a second worker, the sweep) change nothing.
 */
export async function reconcileRateCorrection(db: Database, correctionId: string, now = new Date()): Promise<CorrectionReconciliation> {
  return db.transaction(async (tx) => {
    const [correction] = await tx.select().from(rateCorrections).where(eq(rateCorrections.id, correctionId)).for('update');
    if (!correction) return { outcome: 'unknown' };
    const [done] = await tx
      .select({ caseCount: rateCorrectionReconciliations.caseCount })
      .from(rateCorrectionReconciliations)
      .where(eq(rateCorrectionReconciliations.correctionId, correctionId));
    if (done) return { outcome: 'alreadyDone' };

    const affected = await tx
      .select({ caseId: caseCollection.caseId, companyId: caseCollection.companyId })
      .from(caseCollection)
      .innerJoin(cases, eq(cases.id, caseCollection.caseId))
      .where(and(gte(caseCollection.interestBookedToOn, correction.validFrom), inArray(cases.status, ['active', 'paused'])));
    const change = { kind: correction.kind, validFrom: correction.validFrom, from: correction.previousValue, to: correction.value };
    await recordEvents(
      tx,
      affected.map(({ caseId, companyId }) => ({
        actor: { userId: correction.createdByUserId, companyId },
        event: { type: 'case.rate_corrected' as const, caseId, data: change },
        occurredAt: now,
      })),
    );
    const tables = await loadTables(tx);
    for (const { caseId } of affected) {
      const loaded = await loadClaimCase(tx, caseId, todayInOslo(now));
      // At the day the ledger stands at: the correction is the rate's alone, not interest accrued since.
      if (loaded?.snapshot.reconciledOn)
        await reconcileLoaded(tx, loaded, loaded.snapshot.reconciledOn, tables, {
          cause: 'rateCorrected',
          now: new Date(now.getTime() + 1),
        });
    }
    await tx.insert(rateCorrectionReconciliations).values({ correctionId, caseCount: affected.length, reconciledAt: now });
    return { outcome: 'reconciled', caseCount: affected.length };
  });
}

/** Corrections still unreconciled after `olderThanMs` lost their job (a crash after the commit): the sweep queues them. */
export async function listUnreconciledCorrections(db: Database, olderThanMs: number, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: rateCorrections.id })
    .from(rateCorrections)
    .leftJoin(rateCorrectionReconciliations, eq(rateCorrectionReconciliations.correctionId, rateCorrections.id))
    .where(and(isNull(rateCorrectionReconciliations.correctionId), lt(rateCorrections.createdAt, new Date(now.getTime() - olderThanMs))))
    .limit(500);
  return rows.map((row) => row.id);
}

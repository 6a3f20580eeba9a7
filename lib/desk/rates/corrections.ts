// No 'server-only': integration tests call it as the desk does.
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { caseCollection, cases, feeRates, interestRates, rateCorrections } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/gate/checks';
import { loadClaimCase, reconcileLoaded } from '@/lib/engine/reconcile';
import { loadTables } from '@/lib/engine/tables';
import { todayInOslo } from '@/lib/dates';
import { DomainError } from '@/lib/errors';
import { recordEvents } from '@/lib/events/record';
import type { AddRateInput } from './schemas';

/** The figure a desk-entered rate stands at (its newest correction, else the row), or null when the desk has no such row. */
async function currentDeskValue(tx: Tx, kind: AddRateInput['kind'], validFrom: string): Promise<number | null> {
  const [row] =
    kind === 'interest'
      ? await tx
          .select({ value: interestRates.rateBasisPoints })
          .from(interestRates)
          .where(eq(interestRates.validFrom, validFrom))
          .for('update')
      : await tx
          .select({ value: feeRates.amountOre })
          .from(feeRates)
          .where(and(eq(feeRates.kind, kind), eq(feeRates.validFrom, validFrom)))
          .for('update');
  if (!row) return null;
  const [latest] = await tx
    .select({ value: rateCorrections.value })
    .from(rateCorrections)
    .where(and(eq(rateCorrections.kind, kind), eq(rateCorrections.validFrom, validFrom)))
    .orderBy(desc(rateCorrections.createdAt))
    .limit(1);
  return latest?.value ?? row.value;
}

/**
 * Desk → Satser → Rett en sats: a wrong figure entered on the desk is corrected by a new dated entry (the row stays
 * as it was). Every case whose ledger already stands on or after the rate's date is reconciled to its claim under
 * the corrected tables (claim.corrected, "a rate was corrected"), with a line in its Historikk saying what changed.
 * The code's own figures are not corrected here. Returns how many cases were reconciled.
 */
export async function correctRate(tx: Tx, staff: Pick<StaffActor, 'userId'>, input: AddRateInput, now = new Date()): Promise<number> {
  const previous = await currentDeskValue(tx, input.kind, input.validFrom);
  if (previous === null) throw new DomainError('desk.rates.errors.notCorrectable');
  if (previous === input.value) throw new DomainError('desk.rates.errors.unchanged');
  await tx.insert(rateCorrections).values({
    kind: input.kind,
    validFrom: input.validFrom,
    value: input.value,
    previousValue: previous,
    source: input.source,
    createdByUserId: staff.userId,
    createdAt: now,
  });
  const affected = await tx
    .select({ caseId: caseCollection.caseId, companyId: caseCollection.companyId })
    .from(caseCollection)
    .innerJoin(cases, eq(cases.id, caseCollection.caseId))
    .where(and(gte(caseCollection.interestBookedToOn, input.validFrom), inArray(cases.status, ['active', 'paused'])));
  if (affected.length === 0) return 0;
  await recordEvents(
    tx,
    affected.map(({ caseId, companyId }) => ({
      actor: { userId: staff.userId, companyId },
      event: {
        type: 'case.rate_corrected' as const,
        caseId,
        data: { kind: input.kind, validFrom: input.validFrom, from: previous, to: input.value },
      },
      occurredAt: now,
    })),
  );
  const tables = await loadTables(tx);
  for (const { caseId } of affected) {
    const loaded = await loadClaimCase(tx, caseId, todayInOslo(now));
    // At the day the ledger stands at: the corrections are the rate's alone, not interest accrued since.
    if (loaded?.snapshot.reconciledOn)
      await reconcileLoaded(tx, loaded, loaded.snapshot.reconciledOn, tables, { cause: 'rateCorrected', now: new Date(now.getTime() + 1) });
  }
  return affected.length;
}

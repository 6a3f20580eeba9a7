// No 'server-only': integration tests call it as the desk does.
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { feeRates, interestRates, rateCorrections } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/gate/checks';
import { DomainError } from '@/lib/errors';
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
 * as it was). Only the entry is written here: the cases it touches are reconciled by its job after the commit
 * (reconcileRateCorrection), which the action queues. The code's own figures are not corrected here.
 * Returns the correction's id.
 */
export async function correctRate(tx: Tx, staff: Pick<StaffActor, 'userId'>, input: AddRateInput, now = new Date()): Promise<string> {
  const previous = await currentDeskValue(tx, input.kind, input.validFrom);
  if (previous === null) throw new DomainError('desk.rates.errors.notCorrectable');
  if (previous === input.value) throw new DomainError('desk.rates.errors.unchanged');
  const [correction] = await tx
    .insert(rateCorrections)
    .values({
      kind: input.kind,
      validFrom: input.validFrom,
      value: input.value,
      previousValue: previous,
      source: input.source,
      createdByUserId: staff.userId,
      createdAt: now,
    })
    .returning({ id: rateCorrections.id });
  if (!correction) throw new Error('rate correction not stored');
  return correction.id;
}

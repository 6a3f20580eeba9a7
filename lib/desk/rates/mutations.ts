// No 'server-only': integration tests call it as the desk does.
import type { Tx } from '@/db/client';
import { feeRates, interestRates } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/gate/checks';
import { COLLECTION_RATE, INTEREST_RATES, STANDARD_COMPENSATION } from '@/lib/engine/rules';
import { DomainError } from '@/lib/errors';
import type { AddRateInput } from './schemas';

const CODE_TABLES = { interest: INTEREST_RATES, standard_compensation: STANDARD_COMPENSATION, collection_rate: COLLECTION_RATE } as const;

/**
 * Stores a rate the agency entered, with its source. The code's row wins its date (lib/engine/tables.ts), so a
 * date the code has is refused; so is a second row for the same date (a figure is entered once: no silent edit).
 * The engine reads it at its next run, and the cases stopped for want of it go on.
 */
export async function addRate(tx: Tx, staff: Pick<StaffActor, 'userId'>, input: AddRateInput): Promise<void> {
  if (CODE_TABLES[input.kind].some((row) => row.validFrom === input.validFrom)) throw new DomainError('desk.rates.errors.inCode');
  const inserted =
    input.kind === 'interest'
      ? await tx
          .insert(interestRates)
          .values({ validFrom: input.validFrom, rateBasisPoints: input.value, source: input.source, createdByUserId: staff.userId })
          .onConflictDoNothing()
          .returning({ validFrom: interestRates.validFrom })
      : await tx
          .insert(feeRates)
          .values({
            kind: input.kind,
            validFrom: input.validFrom,
            amountOre: input.value,
            source: input.source,
            createdByUserId: staff.userId,
          })
          .onConflictDoNothing()
          .returning({ validFrom: feeRates.validFrom });
  if (inserted.length === 0) throw new DomainError('desk.rates.errors.exists');
}

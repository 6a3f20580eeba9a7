import type { LoadedCase } from '@/lib/engine/snapshot';
import {
  checkPlanLimits,
  checkPostponementLimits,
  factsOf,
  feeFreeAlternative,
  instalmentsForAmount,
  MissingFeeTableError,
  MissingInterestRateError,
  planOption,
  postponementOption,
  type LimitCheck,
  type PlanOption,
  type PostponementOption,
  type Tables,
} from '@/lib/engine/rules';
import { DomainError } from '@/lib/errors';
import type { ArrangementInput } from './schemas';

export type ArrangementPreview =
  | { kind: 'postponement'; option: PostponementOption; limit: LimitCheck }
  | { kind: 'plan'; option: PlanOption; limit: LimitCheck; feeFree: PlanOption | null };

/**
 * What the debtor's choice costs, and the fee-free plan beside it when the choice carries the plan fee (so the page
 * can say how to avoid it). A case that had a plan before goes to the creditor, whatever the limits.
 */
export function previewArrangement(
  loaded: LoadedCase,
  input: ArrangementInput,
  today: string,
  tables: Tables,
  hadPlan: boolean,
): ArrangementPreview {
  const facts = factsOf(loaded.snapshot, loaded.agreement);
  const limits = loaded.agreement;
  try {
    if (input.kind === 'postponement') {
      const limit = checkPostponementLimits(input.days, limits);
      return { kind: 'postponement', option: postponementOption(facts, today, input.days, tables), limit };
    }
    const monthlyOre = 'monthlyOre' in input ? input.monthlyOre : undefined;
    const count = 'months' in input ? input.months : instalmentsForAmount(facts, today, monthlyOre ?? 1, tables);
    const option = planOption(facts, today, count, tables, monthlyOre);
    const alternative = feeFreeAlternative(count);
    const limit = checkPlanLimits(option, limits);
    return {
      kind: 'plan',
      option,
      limit: hadPlan && limit === 'inside' ? 'needsCreditor' : limit,
      feeFree: alternative ? planOption(facts, today, alternative, tables) : null,
    };
  } catch (error) {
    if (error instanceof MissingInterestRateError || error instanceof MissingFeeTableError)
      throw new DomainError('debtorActions.plan.errors.unavailable');
    throw error;
  }
}

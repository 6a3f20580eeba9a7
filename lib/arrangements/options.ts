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
  plusMonths,
  postponementOption,
  validOn,
  withProjectedRates,
  type LimitCheck,
  type PlanOption,
  type PostponementOption,
  type Tables,
} from '@/lib/engine/rules';
import { DomainError } from '@/lib/errors';
import type { ArrangementInput } from './schemas';

/** A rate estimated for the option's days: the half-year it starts and the rate in force today that stands in for it. */
export type EstimatedRate = { fromOn: string; rateBasisPoints: number } | null;

export type ArrangementPreview =
  | { kind: 'postponement'; option: PostponementOption; limit: LimitCheck; estimatedRate: EstimatedRate }
  | { kind: 'plan'; option: PlanOption; limit: LimitCheck; feeFree: PlanOption | null; estimatedRate: EstimatedRate };

// The longest plan the form takes (120 months) and then some: the horizon the rates are projected over.
const HORIZON_MONTHS = 121;

/**
 * What the debtor's choice costs, and the fee-free plan beside it when the choice carries the plan fee (so the page
 * can say how to avoid it). A case that had a plan before goes to the creditor, whatever the limits.
 */
export function previewArrangement(
  loaded: LoadedCase,
  input: ArrangementInput,
  today: string,
  known: Tables,
  hadPlan: boolean,
): ArrangementPreview {
  const facts = factsOf(loaded.snapshot, loaded.agreement);
  const limits = loaded.agreement;
  const projected = withProjectedRates(known, today, plusMonths(today, HORIZON_MONTHS));
  const tables = projected.tables;
  // Named on the page only when the option's own days reach the estimated half-year.
  const estimated = (lastOn: string): EstimatedRate =>
    projected.estimatedFrom && projected.estimatedFrom <= lastOn
      ? { fromOn: projected.estimatedFrom, rateBasisPoints: validOn(tables.rates, today)?.rateBasisPoints ?? 0 }
      : null;
  try {
    if (input.kind === 'postponement') {
      const limit = checkPostponementLimits(input.days, limits);
      const option = postponementOption(facts, today, input.days, tables);
      return { kind: 'postponement', option, limit, estimatedRate: estimated(option.untilOn) };
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
      estimatedRate: estimated(option.instalments.at(-1)?.dueOn ?? today),
    };
  } catch (error) {
    if (error instanceof MissingInterestRateError || error instanceof MissingFeeTableError)
      throw new DomainError('debtorActions.plan.errors.unavailable');
    throw error;
  }
}

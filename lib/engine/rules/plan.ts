import type { CollectionAgreement } from './agreement';
import { claimOn, type ClaimFacts, type ClaimPayment, type ClaimTables } from './claim';
import { plusDays, plusMonths } from './dates';
import { planFeeOre } from './fees';
import { PLAN_FEE_FREE_INSTALMENTS } from './tables';

// Time or an instalment plan, as pure functions of the claim (claimOn): what each option costs the debtor to the
// øre — interest to each instalment's day by the stage's payment order, and the plan fee of a plan with more than
// four instalments (inkassoforskriften § 2-4) — and whether it lies inside the creditor agreement's limits.

export type Instalment = { number: number; dueOn: string; amountOre: number };

export type PlanOption = {
  instalments: Instalment[];
  planFeeOre: number;
  /** What the debtor pays in all, and what of it is more than today's claim (interest on the way, the plan fee). */
  totalOre: number;
  extraOre: number;
  owedTodayOre: number;
};

export type PostponementOption = { untilOn: string; totalOre: number; extraOre: number; owedTodayOre: number };

export type PlanLimits = Pick<
  CollectionAgreement,
  'longestPlanMonths' | 'smallestInstalmentOre' | 'agencyMayApprovePlans' | 'longestPostponementDays'
>;

export type LimitCheck = 'inside' | 'tooLong' | 'instalmentTooSmall' | 'needsCreditor';

/** Instalment n falls due n months after the plan's day (the first a month from now). */
export function instalmentDueOn(startOn: string, number: number): string {
  return plusMonths(startOn, number);
}

/**
 * A plan of `count` monthly instalments from `today`: each `amountOre` (default: today's claim and the fee shared
 * equally, rounded up), the last whatever claimOn says is left on its day, so the plan pays the claim exactly.
 */
export function planOption(facts: ClaimFacts, today: string, count: number, tables: ClaimTables, amountOre?: number): PlanOption {
  const owedTodayOre = claimOn(facts, today, tables).totalOre;
  const fee = planFeeOre(count, today, tables.collectionRate);
  const each = amountOre ?? Math.ceil((owedTodayOre + fee) / count);
  const planned: ClaimPayment[] = [];
  const instalments: Instalment[] = [];
  const withPlan = (payments: ClaimPayment[]): ClaimFacts => ({
    ...facts,
    arrangedOn: today,
    planFee: { onDate: today, amountOre: fee },
    payments: [...facts.payments, ...payments],
  });
  for (let number = 1; number < count; number += 1) {
    const dueOn = instalmentDueOn(today, number);
    const left = claimOn(withPlan(planned), dueOn, tables).totalOre;
    const amount = Math.min(each, Math.max(0, left));
    planned.push({ id: `plan-${number}`, source: 'debtor', valueOn: dueOn, amountOre: amount });
    instalments.push({ number, dueOn, amountOre: amount });
  }
  const lastOn = instalmentDueOn(today, count);
  const last = Math.max(0, claimOn(withPlan(planned), lastOn, tables).totalOre);
  instalments.push({ number: count, dueOn: lastOn, amountOre: last });
  const totalOre = instalments.reduce((sum, instalment) => sum + instalment.amountOre, 0);
  return { instalments, planFeeOre: fee, totalOre, extraOre: totalOre - owedTodayOre, owedTodayOre };
}

/** The number of monthly instalments a chosen monthly amount needs (the fee counted when it makes more than four). */
export function instalmentsForAmount(facts: ClaimFacts, today: string, monthlyOre: number, tables: ClaimTables): number {
  if (!Number.isSafeInteger(monthlyOre) || monthlyOre <= 0) throw new RangeError('A monthly amount is a positive whole number of øre');
  const owed = claimOn(facts, today, tables).totalOre;
  let count = Math.max(1, Math.ceil(owed / monthlyOre));
  // The fee and the interest on the way may need one or two more; stop when the last instalment is not above the others.
  for (let tries = 0; tries < 3; tries += 1) {
    const option = planOption(facts, today, count, tables, monthlyOre);
    if ((option.instalments.at(-1)?.amountOre ?? 0) <= monthlyOre) return count;
    count += 1;
  }
  return count;
}

/** Paying everything on `untilOn` instead of today: the same claim plus the interest of the days between. */
export function postponementOption(facts: ClaimFacts, today: string, days: number, tables: ClaimTables): PostponementOption {
  const untilOn = plusDays(today, days);
  const owedTodayOre = claimOn(facts, today, tables).totalOre;
  const totalOre = claimOn({ ...facts, arrangedOn: today }, untilOn, tables).totalOre;
  return { untilOn, totalOre, extraOre: totalOre - owedTodayOre, owedTodayOre };
}

/** A plan inside the agreement starts at once; outside it (or when the agency may not approve) the creditor decides. */
export function checkPlanLimits(option: PlanOption, limits: PlanLimits): LimitCheck {
  if (option.instalments.length > limits.longestPlanMonths) return 'tooLong';
  const regular = option.instalments.length > 1 ? option.instalments.slice(0, -1) : option.instalments;
  if (regular.some((instalment) => instalment.amountOre < limits.smallestInstalmentOre)) return 'instalmentTooSmall';
  return limits.agencyMayApprovePlans ? 'inside' : 'needsCreditor';
}

export function checkPostponementLimits(days: number, limits: PlanLimits): LimitCheck {
  if (days > limits.longestPostponementDays) return 'tooLong';
  return limits.agencyMayApprovePlans ? 'inside' : 'needsCreditor';
}

/** How to avoid the plan fee: the fewest-instalment plan that carries none (four), when the chosen one has a fee. */
export function feeFreeAlternative(count: number): number | null {
  return count > PLAN_FEE_FREE_INSTALMENTS ? PLAN_FEE_FREE_INSTALMENTS : null;
}

/**
 * How a running plan stands on `today`: what fell due before today (the due day itself is still in time,
 * inkassoloven § 9) against what the debtor paid since the plan began. The first instalment not covered is missed.
 */
export function planStanding(
  instalments: readonly Instalment[],
  paidSinceStartOre: number,
  today: string,
): { missed: Instalment | null; completed: boolean } {
  let due = 0;
  for (const instalment of instalments) {
    if (instalment.dueOn >= today) break;
    due += instalment.amountOre;
    if (paidSinceStartOre < due) return { missed: instalment, completed: false };
  }
  const total = instalments.reduce((sum, instalment) => sum + instalment.amountOre, 0);
  return { missed: null, completed: paidSinceStartOre >= total };
}

export type InstalmentState = 'paid' | 'missed' | 'due';

/**
 * Each instalment's state on `today` by the same count as planStanding: paid once what the debtor paid since the
 * plan began covers it and those before it; missed when not and its day has passed (the day itself is in time);
 * otherwise still due.
 */
export function instalmentStates(instalments: readonly Instalment[], paidSinceStartOre: number, today: string): InstalmentState[] {
  let due = 0;
  return instalments.map((instalment) => {
    due += instalment.amountOre;
    if (paidSinceStartOre >= due) return 'paid';
    return instalment.dueOn < today ? 'missed' : 'due';
  });
}

import { describe, expect, it } from 'vitest';
import {
  checkPlanLimits,
  checkPostponementLimits,
  claimOn,
  DEFAULT_AGREEMENT,
  feeFreeAlternative,
  instalmentStates,
  instalmentsForAmount,
  planFeeOre,
  planOption,
  planStanding,
  postponementOption,
  type ClaimFacts,
} from '@/lib/engine/rules';
import { TABLES } from './play';
import { referencePlan } from './plan-reference';

/** 10 000 kr due 10 Jan 2025, a notice on 25 Jan (its fee, 35 kr): the claim a debtor asks to spread. */
function facts(principalOre = 1_000_000): ClaimFacts {
  return {
    dueOn: '2025-01-10',
    principalOre,
    businessDebtor: false,
    creditorVatRegistered: true,
    agreement: DEFAULT_AGREEMENT,
    letters: [{ kind: 'notice', sentOn: '2025-01-25', deadlineOn: '2025-02-08' }],
    payments: [],
  };
}

describe('the instalment-plan fee (inkassoforskriften § 2-4, domain.md §2)', () => {
  it('is nothing for up to four instalments and 1.5 × the inkassosats above, by the sats of the day', () => {
    expect(planFeeOre(1, '2025-03-01')).toBe(0);
    expect(planFeeOre(4, '2025-03-01')).toBe(0);
    expect(planFeeOre(5, '2025-03-01')).toBe(105_000);
    expect(planFeeOre(12, '2025-12-31')).toBe(105_000);
    expect(planFeeOre(5, '2026-01-01')).toBe(112_500);
    expect(() => planFeeOre(0, '2025-03-01')).toThrow(RangeError);
  });
});

describe('a plan’s cost, to the øre, against a reference written from domain.md', () => {
  for (const count of [1, 3, 4, 5, 6, 10]) {
    it(`${count} monthly instalments from 1 Feb 2025`, () => {
      const option = planOption(facts(), '2025-02-01', count, TABLES);
      const reference = referencePlan({ principalOre: 1_000_000, dueOn: '2025-01-10', feesOre: 3_500, today: '2025-02-01', count });
      expect(option.owedTodayOre).toBe(reference.owedTodayOre);
      expect(option.planFeeOre).toBe(reference.planFeeOre);
      expect(option.instalments.map(({ dueOn, amountOre }) => ({ dueOn, amountOre }))).toEqual(reference.instalments);
      expect(option.totalOre).toBe(reference.totalOre);
      expect(option.extraOre).toBe(reference.totalOre - reference.owedTodayOre);
    });
  }

  it('pays the claim exactly: after the last instalment claimOn says nothing is owed', () => {
    const option = planOption(facts(), '2025-02-01', 6, TABLES);
    const paid = option.instalments.map((instalment) => ({
      id: `i${instalment.number}`,
      source: 'debtor' as const,
      valueOn: instalment.dueOn,
      amountOre: instalment.amountOre,
    }));
    const claim = claimOn(
      { ...facts(), payments: paid, arrangedOn: '2025-02-01', planFee: { onDate: '2025-02-01', amountOre: option.planFeeOre } },
      option.instalments.at(-1)!.dueOn,
      TABLES,
    );
    expect(claim.totalOre).toBe(0);
    expect(claim.feesByKind.plan_fee).toBe(105_000);
  });

  it('four instalments avoid the fee: the page offers that when the choice has one', () => {
    const five = planOption(facts(), '2025-02-01', 5, TABLES);
    const four = planOption(facts(), '2025-02-01', 4, TABLES);
    expect(five.totalOre - four.totalOre).toBeGreaterThan(100_000);
    expect(feeFreeAlternative(5)).toBe(4);
    expect(feeFreeAlternative(4)).toBeNull();
  });

  it('a chosen monthly amount gives the number of instalments, the last one not above it', () => {
    const count = instalmentsForAmount(facts(), '2025-02-01', 200_000, TABLES);
    const option = planOption(facts(), '2025-02-01', count, TABLES, 200_000);
    expect(count).toBe(6);
    expect(option.instalments.slice(0, -1).every((i) => i.amountOre === 200_000)).toBe(true);
    expect(option.instalments.at(-1)!.amountOre).toBeLessThanOrEqual(200_000);
    expect(option.planFeeOre).toBe(105_000);
  });

  it('a postponement costs the interest of its days and no fee', () => {
    const option = postponementOption(facts(), '2025-02-01', 14, TABLES);
    const reference = referencePlan({ principalOre: 1_000_000, dueOn: '2025-01-10', feesOre: 3_500, today: '2025-02-15', count: 1 });
    expect(option).toEqual({
      untilOn: '2025-02-15',
      owedTodayOre: referencePlan({ principalOre: 1_000_000, dueOn: '2025-01-10', feesOre: 3_500, today: '2025-02-01', count: 1 })
        .owedTodayOre,
      totalOre: reference.owedTodayOre,
      extraOre: reference.owedTodayOre - option.owedTodayOre,
    });
    // 10 000 kr × 12.5 % × 14 / 365 = 47.95 kr
    expect(option.extraOre).toBe(4_795);
  });
});

describe('the agreement’s limits', () => {
  const limits = { longestPlanMonths: 6, smallestInstalmentOre: 100_000, agencyMayApprovePlans: true, longestPostponementDays: 14 };
  it('inside starts at once; too long, too small or "ask the creditor" become the creditor’s task', () => {
    expect(checkPlanLimits(planOption(facts(), '2025-02-01', 6, TABLES), limits)).toBe('inside');
    expect(checkPlanLimits(planOption(facts(), '2025-02-01', 7, TABLES), limits)).toBe('tooLong');
    expect(checkPlanLimits(planOption(facts(), '2025-02-01', 6, TABLES), { ...limits, smallestInstalmentOre: 200_000 })).toBe(
      'instalmentTooSmall',
    );
    expect(checkPlanLimits(planOption(facts(), '2025-02-01', 3, TABLES), { ...limits, agencyMayApprovePlans: false })).toBe(
      'needsCreditor',
    );
    expect(checkPostponementLimits(14, limits)).toBe('inside');
    expect(checkPostponementLimits(15, limits)).toBe('tooLong');
  });
});

describe('a running plan', () => {
  const instalments = [
    { number: 1, dueOn: '2025-03-01', amountOre: 100 },
    { number: 2, dueOn: '2025-04-01', amountOre: 100 },
    { number: 3, dueOn: '2025-05-01', amountOre: 50 },
  ];
  it('is kept while paid on time (the due day itself is in time); the first uncovered instalment is missed', () => {
    expect(planStanding(instalments, 0, '2025-03-01')).toEqual({ missed: null, completed: false });
    expect(planStanding(instalments, 0, '2025-03-02').missed?.number).toBe(1);
    expect(planStanding(instalments, 100, '2025-04-01')).toEqual({ missed: null, completed: false });
    expect(planStanding(instalments, 150, '2025-04-02').missed?.number).toBe(2);
    expect(planStanding(instalments, 250, '2025-04-02')).toEqual({ missed: null, completed: true });
  });

  it('shows each instalment as paid, missed or not yet due by the same count, so the page never disagrees with the engine', () => {
    expect(instalmentStates(instalments, 0, '2025-03-01')).toEqual(['due', 'due', 'due']);
    expect(instalmentStates(instalments, 0, '2025-03-02')).toEqual(['missed', 'due', 'due']);
    expect(instalmentStates(instalments, 150, '2025-04-02')).toEqual(['paid', 'missed', 'due']);
    expect(instalmentStates(instalments, 250, '2025-03-02')).toEqual(['paid', 'paid', 'paid']);
    for (const [paid, day] of [
      [0, '2025-03-02'],
      [150, '2025-04-02'],
      [199, '2025-05-02'],
      [250, '2025-05-02'],
    ] as const) {
      const states = instalmentStates(instalments, paid, day);
      const firstMissed = states.indexOf('missed');
      expect(firstMissed === -1 ? null : instalments[firstMissed]?.number).toBe(
        planStanding(instalments, paid, day).missed?.number ?? null,
      );
    }
  });
});

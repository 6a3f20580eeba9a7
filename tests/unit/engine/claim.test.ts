import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGREEMENT,
  MissingFeeTableError,
  agreementFrom,
  agreementSchema,
  claimOn,
  decide,
  type ClaimFacts,
  type ClaimLetter,
  type CollectionAgreement,
} from '@/lib/engine/rules';
import { PlayedCase, TABLES } from './play';

// Issue #19's cases, each with the figure computed by hand from domain.md (the comment shows the sum).

const TEN_THOUSAND = 1_000_000;

function facts(letters: ClaimLetter[], extra: Partial<ClaimFacts> = {}, agreement: CollectionAgreement = DEFAULT_AGREEMENT): ClaimFacts {
  return {
    dueOn: '2025-03-03',
    principalOre: TEN_THOUSAND,
    businessDebtor: false,
    creditorVatRegistered: true,
    agreement,
    letters,
    payments: [],
    ...extra,
  };
}

const reminder: ClaimLetter = { kind: 'reminder', sentOn: '2025-03-17', deadlineOn: '2025-03-31' };

describe("1. the second pre-demand fee only after the first letter's ≥ 14-day deadline is overrun", () => {
  it("a notice on the reminder's deadline day (31.03) earns no fee; from 01.04 it does (35 kr at 700)", () => {
    const onDeadline = claimOn(facts([reminder, { kind: 'notice', sentOn: '2025-03-31', deadlineOn: '2025-04-14' }]), '2025-03-31', TABLES);
    expect(onDeadline.feesByKind).toMatchObject({ reminder_fee: 3_500, notice_fee: 0 });
    expect(onDeadline.withheld).toEqual([{ kind: 'notice_fee', onDate: '2025-03-31', reason: 'firstDeadlineNotOverrun' }]);
    const dayAfter = claimOn(facts([reminder, { kind: 'notice', sentOn: '2025-04-01', deadlineOn: '2025-04-15' }]), '2025-04-01', TABLES);
    expect(dayAfter.feesByKind).toMatchObject({ reminder_fee: 3_500, notice_fee: 3_500 });
  });

  it("the default agreement sends the notice the day after the reminder's deadline, with its fee", () => {
    const played = new PlayedCase(TEN_THOUSAND, '2025-03-03');
    played.runDays('2025-03-03', 30);
    expect(played.snapshot.letters.map((letter) => `${letter.kind}@${letter.sentOn}`)).toEqual([
      'reminder@2025-03-17',
      'notice@2025-04-01',
    ]);
    expect(played.feeRows()).toEqual([3_500, 3_500]);
  });

  it('a reminder with a 7-day deadline gives no second fee at all', () => {
    const agreement = agreementFrom({ reminderDeadlineDays: 7 });
    const played = new PlayedCase(TEN_THOUSAND, '2025-03-03', {}, agreement);
    played.runDays('2025-03-03', 40);
    expect(played.snapshot.letters.map((letter) => letter.kind)).toEqual(['reminder', 'notice']);
    expect(played.feeRows()).toEqual([3_500]);
  });
});

describe("2. heavy salær only when the demand's deadline is overrun by more than 28 days", () => {
  const letters: ClaimLetter[] = [
    reminder,
    { kind: 'notice', sentOn: '2025-04-01', deadlineOn: '2025-04-15' },
    { kind: 'demand', sentOn: '2025-04-17', deadlineOn: '2025-05-01' },
    { kind: 'legal_notice', sentOn: '2025-05-16', deadlineOn: '2025-05-30' },
  ];
  it('demand 17.04, deadline 01.05: none on 16.05 or 29.05 (day 28), the 560 kr top-up from 30.05 (day 29)', () => {
    expect(claimOn(facts(letters), '2025-05-16', TABLES).feesByKind.collection_fee_heavy).toBe(0);
    expect(claimOn(facts(letters), '2025-05-29', TABLES).feesByKind.collection_fee_heavy).toBe(0);
    // heavy 2 × 560 = 1 120 kr less the light 560 already charged
    expect(claimOn(facts(letters), '2025-05-30', TABLES).feesByKind).toMatchObject({
      collection_fee_light: 56_000,
      collection_fee_heavy: 56_000,
    });
  });

  it('the engine books it on day 29 of overrun without a letter (demand 18.04, deadline 02.05 → 31.05)', () => {
    const played = new PlayedCase(TEN_THOUSAND, '2025-03-03', { legalConfirmed: true });
    played.runDays('2025-03-03', 95);
    expect(played.decisions.find((decision) => decision.kind === 'reconcile')?.kind).toBe('reconcile');
    expect(played.feeRows('collection_fee_heavy')).toEqual([56_000]);
    expect(played.rows.find((row) => row.kind === 'fee' && row.feeKind === 'collection_fee_heavy')?.bookedOn).toBe('2025-05-31');
  });

  it('the agreement cannot set a shorter overrun than the law', () => {
    expect(agreementSchema.shape.heavyFeeAfterOverrunDays.safeParse(27).success).toBe(false);
    expect(agreementSchema.shape.heavyFeeAfterOverrunDays.safeParse(28).success).toBe(true);
    expect(DEFAULT_AGREEMENT.heavyFeeAfterOverrunDays).toBe(28);
  });
});

describe('3. standardkompensasjon deducted from a later salær (business debtor)', () => {
  it('460 kr in 2H 2023, then a demand: 840 − 460 = 380 kr salær', () => {
    const business = facts(
      [
        { kind: 'reminder', sentOn: '2023-10-16', deadlineOn: '2023-10-30' },
        { kind: 'notice', sentOn: '2023-10-31', deadlineOn: '2023-11-14' },
        { kind: 'demand', sentOn: '2023-11-17', deadlineOn: '2023-12-01' },
      ],
      { dueOn: '2023-10-02', businessDebtor: true },
    );
    const claim = claimOn(business, '2023-11-17', TABLES);
    expect(claim.feesByKind).toMatchObject({ standard_compensation: 46_000, reminder_fee: 0, notice_fee: 0, collection_fee_light: 38_000 });
    expect(claim.withheld).toContainEqual({ kind: 'standard_compensation', onDate: '2023-10-31', reason: 'compensationOnce' });
  });
});

describe('4. standardkompensasjon per half-year', () => {
  it('1H 2026 is 460 kr (not 470)', () => {
    const claim = claimOn(
      facts([{ kind: 'reminder', sentOn: '2026-03-17', deadlineOn: '2026-03-31' }], { dueOn: '2026-03-03', businessDebtor: true }),
      '2026-03-17',
      TABLES,
    );
    expect(claim.feesByKind.standard_compensation).toBe(46_000);
  });

  it('a half-year without a figure stops the engine for the case, as a missing rate does', () => {
    const business = facts([{ kind: 'reminder', sentOn: '2025-07-17', deadlineOn: '2025-07-31' }], {
      dueOn: '2025-07-03',
      businessDebtor: true,
    });
    expect(() => claimOn(business, '2025-07-17', TABLES)).toThrow(MissingFeeTableError);
    const played = new PlayedCase(TEN_THOUSAND, '2025-07-03', { businessDebtor: true });
    expect(played.run('2025-07-17')).toEqual({ kind: 'error', code: 'missingFeeTable', onDate: '2025-07-17' });
  });
});

describe('6. a back-dated payment takes back what the claim no longer carries', () => {
  it('10 000 kr paid 14.04 (notice deadline 15.04), registered 25.04 after the demand: salær and later interest reversed', () => {
    const played = new PlayedCase(TEN_THOUSAND, '2025-03-03');
    played.runDays('2025-03-03', 53); // reminder 17.03, notice 01.04, demand 18.04 (deadline 15.04 + 3)
    expect(played.snapshot.letters.map((letter) => `${letter.kind}@${letter.sentOn}`)).toEqual([
      'reminder@2025-03-17',
      'notice@2025-04-01',
      'demand@2025-04-18',
    ]);
    expect(played.feeRows('collection_fee_light')).toEqual([56_000]);
    // interest 04.03–18.04 = 46 days: 1 000 000 × 0.125 × 46 / 365 = 15 753.42
    expect(played.sum('interest')).toBe(15_753);
    played.pay(TEN_THOUSAND, '2025-04-14', '2025-04-25');
    expect(played.feeRows('collection_fee_light')).toEqual([56_000, -56_000]);
    // interest only 04.03–14.04 = 42 days: 14 383.56 → 14 384
    expect(played.sum('interest')).toBe(14_384);
    // left: reminder 35 + notice 35 + interest 143.84 kr
    expect(played.balance()).toBe(3_500 + 3_500 + 14_384);
    const plan = decide(played.snapshot, played.agreement, '2025-04-25', TABLES);
    expect(plan.kind).not.toBe('error');
  });

  it('the same payment registered on its value date gives the same ledger sums', () => {
    const late = new PlayedCase(TEN_THOUSAND, '2025-03-03');
    late.runDays('2025-03-03', 53);
    late.pay(TEN_THOUSAND, '2025-04-14', '2025-04-25');
    const onTime = new PlayedCase(TEN_THOUSAND, '2025-03-03');
    onTime.runDays('2025-03-03', 42); // through 13.04
    onTime.pay(TEN_THOUSAND, '2025-04-14');
    onTime.runDays('2025-04-14', 12); // through 25.04: the demand goes out for the fees and interest left
    expect(onTime.sum('interest')).toBe(late.sum('interest'));
    expect(onTime.balance()).toBe(late.balance());
  });
});

describe('9. smaller rules', () => {
  it('interest counts P − D days: 10 000 kr, 12.5 %, due 3 Mar, paid 2 Apr = 102.74 kr', () => {
    const claim = claimOn(
      facts([], { payments: [{ id: 'p', source: 'debtor', valueOn: '2025-04-02', amountOre: 1_010_274 }] }),
      '2025-04-02',
      TABLES,
    );
    expect(claim.interestOre).toBe(10_274);
    expect(claim.totalOre).toBe(0);
    expect(claim.interestPeriods).toEqual([
      { fromOn: '2025-03-04', toOn: '2025-04-02', rateBasisPoints: 1_250, principalOre: TEN_THOUSAND },
    ]);
  });

  it('an inkassovarsel never goes out on the due date', () => {
    expect(agreementSchema.shape.firstLetterAfterDueDays.safeParse(0).success).toBe(false);
    const sameDay = { ...DEFAULT_AGREEMENT, reminderEnabled: false, firstLetterAfterDueDays: 0 };
    const played = new PlayedCase(TEN_THOUSAND, '2025-03-03', {}, sameDay);
    expect(played.run('2025-03-03')).toMatchObject({ kind: 'wait', reason: 'notYet', nextOn: '2025-03-04' });
  });

  it('a legal maximum is rounded down: salær 187.50 × 1.5 × 1.25 = 351.5625 kr → 351.56 kr', () => {
    const claim = claimOn(
      facts(
        [
          { kind: 'notice', sentOn: '2026-03-17', deadlineOn: '2026-03-31' },
          { kind: 'demand', sentOn: '2026-04-03', deadlineOn: '2026-04-17' },
        ],
        {
          dueOn: '2026-03-03',
          principalOre: 40_000,
          businessDebtor: true,
          creditorVatRegistered: false,
          agreement: { ...DEFAULT_AGREEMENT, standardCompensation: false },
        },
      ),
      '2026-04-03',
      TABLES,
    );
    expect(claim.feesByKind.collection_fee_light).toBe(35_156);
    // reminder/notice fee at 750 kr: 37.50 kr exactly
    expect(claim.feesByKind.notice_fee).toBe(3_750);
  });
});

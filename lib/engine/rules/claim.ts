import { allocatePayment } from '@/lib/allocation/allocate';
import { DEFAULT_ALLOCATION_ORDER, type AllocationOrder, type Stage } from '@/lib/allocation/order';
import type { Outstanding, Split } from '@/lib/ledger/components';
import type { CollectionAgreement } from './agreement';
import { dayNumber, daysBetween, halfYearEndDay, isLeapYear, isoFromDay, plusDays, yearOfDay } from './dates';
import { collectionFeeOre, reminderFeeOre, standardCompensationOre } from './fees';
import { MissingInterestRateError, UNITS_PER_ORE } from './interest';
import type { DatedAmount, InterestRate } from './tables';

// What the debtor legally owes on a day, as a pure function of the case's facts (domain.md §1–§3). The ledger is
// reconciled to this (lib/engine/rules/reconcile.ts), so a fact learnt late — a back-dated payment, a credit note —
// changes the claim exactly as if it had been known on its date.

export type ClaimLetterKind = 'reminder' | 'notice' | 'demand' | 'legal_notice' | 'surveillance_notice';
export type FeeKind =
  'reminder_fee' | 'notice_fee' | 'standard_compensation' | 'collection_fee_light' | 'collection_fee_heavy' | 'plan_fee';
export const FEE_KINDS: readonly FeeKind[] = [
  'reminder_fee',
  'notice_fee',
  'standard_compensation',
  'collection_fee_light',
  'collection_fee_heavy',
  'plan_fee',
];

export type ClaimLetter = { kind: ClaimLetterKind; sentOn: string; deadlineOn: string | null };
/** A payment or credit note by value date. Debtor payments are split in the stage's order; the creditor's own
 *  registrations and credit notes reduce the principal (the ledger books them so), any excess is a credit. */
export type ClaimPayment = { id: string; source: 'debtor' | 'direct' | 'credit_note'; valueOn: string; amountOre: number };

export type ClaimFacts = {
  dueOn: string;
  principalOre: number;
  businessDebtor: boolean;
  creditorVatRegistered: boolean;
  agreement: CollectionAgreement;
  allocationOrder?: AllocationOrder;
  letters: readonly ClaimLetter[];
  payments: readonly ClaimPayment[];
  /** An open dispute since this day: no heavy salær falls due while it lasts. */
  disputedOn?: string | null;
  /** A postponement or instalment plan running since this day: no heavy salær falls due while it lasts either. */
  arrangedOn?: string | null;
  /** The fee an instalment plan of more than four instalments carries (inkassoforskriften § 2-4), from its start. */
  planFee?: { onDate: string; amountOre: number } | null;
  /** A dispute decided for the debtor, who had reasonable grounds for it: no collection cost at all (domain.md §2). */
  costsWaivedOn?: string | null;
};

export type ClaimTables = { rates: readonly InterestRate[]; collectionRate: readonly DatedAmount[]; compensation: readonly DatedAmount[] };

/** Why a fee is allowed, by the rule of domain.md that allows it. */
export type FeeRule = 'firstFeeLetter' | 'secondFeeAfterOverrun' | 'standardCompensation' | 'lightSalaer' | 'heavySalaer' | 'planFee';
/** Why a letter earned no fee (shown in Historikk when a booked fee is taken back). */
export type WithheldReason =
  | 'paidWithinNoticeDeadline'
  | 'paidBeforeLetter'
  | 'tooSoonAfterDue'
  | 'firstDeadlineShort'
  | 'firstDeadlineNotOverrun'
  | 'maxTwoFees'
  | 'compensationOnce'
  | 'salaerOnce'
  | 'disputeUpheld';

export type ClaimFee = { kind: FeeKind; onDate: string; amountOre: number; rule: FeeRule };
export type WithheldFee = { kind: FeeKind; onDate: string; reason: WithheldReason };
export type InterestPeriod = { fromOn: string; toOn: string; rateBasisPoints: number; principalOre: number };

export type Claim = {
  day: string;
  /** The principal after credit notes and what payments covered of it. */
  outstanding: Outstanding;
  creditOre: number;
  /** outstanding − credit: what the debtor owes on `day` (negative: the agency owes the debtor). */
  totalOre: number;
  /** Interest through `day`, rounded once; its periods (days inclusive) with the principal they ran on. */
  interestOre: number;
  interestPeriods: InterestPeriod[];
  fees: ClaimFee[];
  feesByKind: Record<FeeKind, number>;
  withheld: WithheldFee[];
  /** How each debtor payment is covered, by the stage's order on its value date (its ledger rows say the same). */
  allocations: Map<string, Split>;
  /** The next day the claim changes without a new fact (the heavy salær falls due), or null. */
  nextChangeOn: string | null;
};

/** The second pre-demand fee needs the first letter's deadline to be at least this long (inkassoforskriften § 1-3). */
export const SECOND_FEE_MIN_DEADLINE_DAYS = 14;
/** Fees for at most two letters before the demand (two reminders, or one reminder and one notice). */
export const MAX_FEE_LETTERS_BEFORE_DEMAND = 2;
/** A reminder or notice fee only for a letter at least this many days after the due date. */
export const FEE_MIN_DAYS_AFTER_DUE = 14;
/** Heavy salær only when the demand's deadline is overrun by more than this many days (inkassoforskriften § 2-3). */
export const HEAVY_MIN_OVERRUN_DAYS = 28;

const STAGE_OF: Record<ClaimLetterKind, Stage> = {
  reminder: 'reminder',
  notice: 'notice',
  demand: 'demand',
  legal_notice: 'legal',
  surveillance_notice: 'surveillance',
};

function roundUnitsHalfUp(units: bigint): number {
  return Number((units * 2n + UNITS_PER_ORE) / (UNITS_PER_ORE * 2n));
}

/** The first day of the heavy salær: the day after the demand's deadline overrun by more than 28 days (or the agreement's more). */
export function heavySalaerOn(demandDeadlineOn: string, agreement: Pick<CollectionAgreement, 'heavyFeeAfterOverrunDays'>): string {
  return plusDays(demandDeadlineOn, Math.max(HEAVY_MIN_OVERRUN_DAYS, agreement.heavyFeeAfterOverrunDays) + 1);
}

// `tie`: payments of one value date in a fixed order (their ids), so the order they were registered in changes nothing.
type Event = { on: string; order: number; tie?: string; apply: () => void };

/**
 * What the debtor owes on `day` (interest counted through `day`, P − D days as agencies' calculators do). Throws
 * MissingInterestRateError / MissingFeeTableError when a table lacks what the claim needs.
 */
export function claimOn(facts: ClaimFacts, day: string, tables: ClaimTables): Claim {
  dayNumber(day);
  const order = facts.allocationOrder ?? DEFAULT_ALLOCATION_ORDER;
  const rates = [...tables.rates]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
    .map((rate) => ({ start: dayNumber(rate.validFrom), bp: rate.rateBasisPoints }));

  let principal = facts.principalOre;
  let units = 0n;
  let interestPaid = 0;
  let feesCharged = 0;
  let feePaid = 0;
  let credit = 0;
  let accruedThrough = dayNumber(facts.dueOn);
  let stage: Stage = 'reminder';
  let paidOffOn: string | null = principal <= 0 ? facts.dueOn : null;
  const periods: InterestPeriod[] = [];
  const fees: ClaimFee[] = [];
  const withheld: WithheldFee[] = [];
  const allocations = new Map<string, Split>();
  const charge = (kind: FeeKind, onDate: string, amountOre: number, rule: FeeRule) => {
    if (amountOre <= 0) return;
    if (facts.costsWaivedOn) {
      withheld.push({ kind, onDate, reason: 'disputeUpheld' });
      return;
    }
    fees.push({ kind, onDate, amountOre, rule });
    feesCharged += amountOre;
  };
  const charged = (...kinds: FeeKind[]) => fees.filter((fee) => kinds.includes(fee.kind)).reduce((sum, fee) => sum + fee.amountOre, 0);

  /** Interest for the days after `accruedThrough` through `through`, on the principal as it stands. */
  const accrue = (through: number) => {
    while (accruedThrough < through) {
      const first = accruedThrough + 1;
      const index = rates.findLastIndex((rate) => rate.start <= first);
      const rate = rates[index];
      // A rate row covers its own half-year only.
      const halfEnd = rate ? halfYearEndDay(rate.start) : first;
      const coveredUntil = rate ? Math.min(rates[index + 1]?.start ?? Infinity, halfEnd) : first;
      if (!rate || coveredUntil <= first) {
        if (principal <= 0) {
          accruedThrough = through;
          return;
        }
        throw new MissingInterestRateError(isoFromDay(first));
      }
      const year = yearOfDay(first);
      const end = Math.min(through + 1, coveredUntil, Date.UTC(year + 1, 0, 1) / 86_400_000);
      if (principal > 0) {
        units += BigInt(principal) * BigInt(rate.bp) * BigInt(end - first) * (isLeapYear(year) ? 365n : 366n);
        const last = periods.at(-1);
        if (last && last.rateBasisPoints === rate.bp && last.principalOre === principal && dayNumber(last.toOn) === first - 1)
          last.toOn = isoFromDay(end - 1);
        else periods.push({ fromOn: isoFromDay(first), toOn: isoFromDay(end - 1), rateBasisPoints: rate.bp, principalOre: principal });
      }
      accruedThrough = end - 1;
    }
  };

  const preDemandFeeLetters: ClaimLetter[] = [];
  const letterFee = (letter: ClaimLetter) => {
    const s = letter.sentOn;
    const isPre = letter.kind === 'reminder' || letter.kind === 'notice';
    const ownKind: FeeKind = letter.kind === 'reminder' ? 'reminder_fee' : letter.kind === 'notice' ? 'notice_fee' : 'collection_fee_light';
    if (!isPre && letter.kind !== 'demand') return;
    if (principal <= 0) {
      const notice = facts.letters.find((other) => other.kind === 'notice' && other.sentOn < s);
      const inTime = !isPre && notice?.deadlineOn && paidOffOn && paidOffOn <= notice.deadlineOn;
      withheld.push({ kind: ownKind, onDate: s, reason: inTime ? 'paidWithinNoticeDeadline' : 'paidBeforeLetter' });
      return;
    }
    if (letter.kind === 'demand') {
      if (charged('collection_fee_light') > 0 || facts.letters.some((other) => other.kind === 'demand' && other.sentOn < s)) {
        withheld.push({ kind: ownKind, onDate: s, reason: 'salaerOnce' });
        return;
      }
      const light = collectionFeeOre(
        {
          principalOre: principal,
          onDate: s,
          heavy: false,
          businessDebtor: facts.businessDebtor,
          creditorVatRegistered: facts.creditorVatRegistered,
        },
        tables.collectionRate,
      );
      // What was claimed as standardkompensasjon is deducted from the collection costs (forsinkelsesrenteloven § 3 a).
      charge('collection_fee_light', s, Math.max(0, light - charged('standard_compensation')), 'lightSalaer');
      return;
    }
    if (daysBetween(facts.dueOn, s) < FEE_MIN_DAYS_AFTER_DUE) {
      withheld.push({ kind: ownKind, onDate: s, reason: 'tooSoonAfterDue' });
      return;
    }
    if (facts.businessDebtor && facts.agreement.standardCompensation) {
      if (fees.some((fee) => fee.kind === 'standard_compensation')) {
        withheld.push({ kind: 'standard_compensation', onDate: s, reason: 'compensationOnce' });
        return;
      }
      // Reminder fees already charged are deducted from it.
      const amount = standardCompensationOre(s, tables.compensation) - charged('reminder_fee', 'notice_fee');
      charge('standard_compensation', s, amount, 'standardCompensation');
      return;
    }
    const first = preDemandFeeLetters[0];
    if (!first) {
      charge(ownKind, s, reminderFeeOre(s, tables.collectionRate), 'firstFeeLetter');
      preDemandFeeLetters.push(letter);
      return;
    }
    if (preDemandFeeLetters.length >= MAX_FEE_LETTERS_BEFORE_DEMAND) {
      withheld.push({ kind: ownKind, onDate: s, reason: 'maxTwoFees' });
      return;
    }
    if (!first.deadlineOn || daysBetween(first.sentOn, first.deadlineOn) < SECOND_FEE_MIN_DEADLINE_DAYS) {
      withheld.push({ kind: ownKind, onDate: s, reason: 'firstDeadlineShort' });
      return;
    }
    // The deadline day itself is still in time (inkassoloven § 9): only from the day after.
    if (s <= first.deadlineOn) {
      withheld.push({ kind: ownKind, onDate: s, reason: 'firstDeadlineNotOverrun' });
      return;
    }
    charge(ownKind, s, reminderFeeOre(s, tables.collectionRate), 'secondFeeAfterOverrun');
    preDemandFeeLetters.push(letter);
  };

  const events: Event[] = [];
  for (const letter of facts.letters) {
    if (letter.sentOn > day) continue;
    events.push({
      on: letter.sentOn,
      order: 0,
      apply: () => {
        letterFee(letter);
        stage = STAGE_OF[letter.kind];
      },
    });
  }
  const firstDemand = facts.letters.find((letter) => letter.kind === 'demand' && letter.deadlineOn);
  const heavyOn = firstDemand?.deadlineOn ? heavySalaerOn(firstDemand.deadlineOn, facts.agreement) : null;
  const heldFrom = [facts.disputedOn, facts.arrangedOn].filter((on): on is string => Boolean(on)).sort()[0];
  const heavyHeld = Boolean(heavyOn && heldFrom && heldFrom <= heavyOn);
  const planFee = facts.planFee;
  if (planFee && planFee.amountOre > 0 && planFee.onDate <= day) {
    events.push({
      on: planFee.onDate,
      order: 1,
      apply: () => {
        if (principal > 0) charge('plan_fee', planFee.onDate, planFee.amountOre, 'planFee');
      },
    });
  }
  let heavyPending = false;
  if (heavyOn && !heavyHeld) {
    if (heavyOn <= day) {
      events.push({
        on: heavyOn,
        order: 1,
        apply: () => {
          if (principal <= 0) return;
          const heavy = collectionFeeOre(
            {
              principalOre: principal,
              onDate: heavyOn,
              heavy: true,
              businessDebtor: facts.businessDebtor,
              creditorVatRegistered: facts.creditorVatRegistered,
            },
            tables.collectionRate,
          );
          charge(
            'collection_fee_heavy',
            heavyOn,
            Math.max(0, heavy - charged('standard_compensation', 'collection_fee_light')),
            'heavySalaer',
          );
        },
      });
    } else heavyPending = true;
  }
  for (const payment of facts.payments) {
    if (payment.valueOn > day) continue;
    events.push({
      on: payment.valueOn,
      order: 2,
      tie: payment.id,
      apply: () => {
        const split: Split = { principal: 0, interest: 0, fee: 0, credit: 0 };
        if (payment.source === 'debtor') {
          const owed = { principal: Math.max(0, principal), interest: roundUnitsHalfUp(units) - interestPaid, fee: feesCharged - feePaid };
          Object.assign(split, allocatePayment(payment.amountOre, owed, order[stage]));
        } else {
          split.principal = Math.min(payment.amountOre, Math.max(0, principal));
          split.credit = payment.amountOre - split.principal;
        }
        principal -= split.principal;
        interestPaid += split.interest;
        feePaid += split.fee;
        credit += split.credit;
        if (principal <= 0 && !paidOffOn) paidOffOn = payment.valueOn;
        if (payment.source === 'debtor') allocations.set(payment.id, split);
      },
    });
  }
  const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  events.sort((a, b) => byKey(a.on, b.on) || a.order - b.order || byKey(a.tie ?? '', b.tie ?? ''));
  for (const event of events) {
    accrue(dayNumber(event.on));
    event.apply();
  }
  accrue(dayNumber(day));
  const interestOre = roundUnitsHalfUp(units);
  const outstanding = { principal, interest: interestOre - interestPaid, fee: feesCharged - feePaid };
  const feesByKind = Object.fromEntries(FEE_KINDS.map((kind) => [kind, charged(kind)])) as Record<FeeKind, number>;
  return {
    day,
    outstanding,
    creditOre: credit,
    totalOre: outstanding.principal + outstanding.interest + outstanding.fee - credit,
    interestOre,
    interestPeriods: periods,
    fees,
    feesByKind,
    withheld,
    allocations,
    nextChangeOn: heavyPending && principal > 0 ? heavyOn : null,
  };
}

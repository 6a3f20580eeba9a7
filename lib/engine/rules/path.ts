import type { Outstanding } from '@/lib/ledger/components';
import type { CollectionAgreement } from './agreement';
import { daysBetween, laterOf, plusDays, plusMonths } from './dates';
import { collectionFeeOre, MissingFeeTableError, reminderFeeOre, standardCompensationOre } from './fees';
import { accrueInterest, MissingInterestRateError, rateOn } from './interest';
import type { DatedAmount, InterestRate } from './tables';

// The collection path as one pure decision: given a case as it stands and today's date, which letter is due now,
// with the interest and fees to book with it. No database, no clock: the job reads, calls this, and writes.

export const ENGINE_LETTER_KINDS = ['reminder', 'notice', 'demand', 'legal_notice', 'surveillance_notice'] as const;
export type EngineLetterKind = (typeof ENGINE_LETTER_KINDS)[number];
export type EngineStage = 'reminder' | 'notice' | 'demand' | 'legal' | 'surveillance';

export const STAGE_OF_LETTER: Record<EngineLetterKind, EngineStage> = {
  reminder: 'reminder',
  notice: 'notice',
  demand: 'demand',
  legal_notice: 'legal',
  surveillance_notice: 'surveillance',
};

/** The law's minimum a reminder or notice fee needs: sent at least 14 days after the due date. */
export const FEE_MIN_DAYS_AFTER_DUE = 14;
/** Fees for at most two letters before the demand (two reminders, or one reminder and one notice). */
export const MAX_FEE_LETTERS_BEFORE_DEMAND = 2;
/** Legal collection must start within this many months of the demand, otherwise a new demand (domain.md §1). */
export const DEMAND_VALID_MONTHS = 6;

export type SentLetter = { kind: EngineLetterKind; sentOn: string; deadlineOn: string | null; feeOre: number };

export type CaseSnapshot = {
  status: 'active' | 'paused' | 'withdrawn' | 'closed';
  dueOn: string;
  businessDebtor: boolean;
  creditorVatRegistered: boolean;
  disputed: boolean;
  legalConfirmed: boolean;
  /** Days the case was paused since its newest letter: every deadline after it moves by this much. */
  pausedDays: number;
  /** The engine's letters, oldest first. */
  letters: readonly SentLetter[];
  owed: Outstanding;
  balanceOre: number;
  /** Interest is booked for the days before this date; null: nothing booked yet (it runs from the day after due). */
  interestBookedToOn: string | null;
  interestCarryUnits: bigint;
  compensationBooked: boolean;
};

export type Tables = { rates: readonly InterestRate[]; collectionRate: readonly DatedAmount[]; compensation: readonly DatedAmount[] };

export type FeeKind = 'reminder_fee' | 'notice_fee' | 'standard_compensation' | 'collection_fee_light' | 'collection_fee_heavy';
export type Posting = { component: 'interest' | 'fee'; amountOre: number; feeKind: FeeKind | null };

export type LetterPlan = {
  kind: EngineLetterKind;
  sentOn: string;
  deadlineOn: string | null;
  stage: EngineStage;
  postings: Posting[];
  /** What the letter prints: the amounts owed on its date, after its own postings. */
  amountDueOre: number;
  owedAfter: Outstanding;
  feeOre: number;
  interestRateBasisPoints: number | null;
  interestFromOn: string;
  interestBookedToOn: string;
  interestCarryUnits: bigint;
};

export type Decision =
  | { kind: 'letter'; plan: LetterPlan }
  | { kind: 'wait'; reason: 'inactive' | 'nothingOwed' | 'disputed' | 'notYet' | 'awaitingLegalConfirmation' | 'done'; nextOn: string | null }
  | { kind: 'error'; code: 'missingInterestRate' | 'missingFeeTable'; onDate: string };

/** The first day interest runs: the day after the agreed due date. */
export function interestStartOn(dueOn: string): string {
  return plusDays(dueOn, 1);
}

/** Interest from what is booked up to `toOn` (exclusive) on the open principal, with the rounding carry. */
export function interestUpTo(snapshot: Pick<CaseSnapshot, 'dueOn' | 'interestBookedToOn' | 'interestCarryUnits' | 'owed'>, toOn: string, rates: readonly InterestRate[]) {
  const fromOn = snapshot.interestBookedToOn ?? interestStartOn(snapshot.dueOn);
  if (toOn <= fromOn) return { interestOre: 0, carryUnits: snapshot.interestCarryUnits, bookedToOn: fromOn };
  const accrual = accrueInterest(snapshot.owed.principal, fromOn, toOn, snapshot.interestCarryUnits, rates);
  return { interestOre: accrual.interestOre, carryUnits: accrual.carryUnits, bookedToOn: toOn };
}

/** The next step and the first day it may happen; after a demand, also the day the demand runs out (`renewOn`). */
type Next = { kind: EngineLetterKind | 'awaitingLegalConfirmation'; on: string; renewOn?: string } | null;

/** The next letter and the first day it may go out, from the newest letter (deadlines moved by the pause). */
function nextStep(snapshot: CaseSnapshot, agreement: CollectionAgreement, today: string): Next {
  const last = snapshot.letters.at(-1);
  const shift = snapshot.pausedDays;
  if (!last) {
    const on = plusDays(snapshot.dueOn, agreement.firstLetterAfterDueDays + shift);
    return { kind: agreement.reminderEnabled ? 'reminder' : 'notice', on };
  }
  switch (last.kind) {
    case 'reminder':
      return { kind: 'notice', on: plusDays(last.sentOn, agreement.noticeAfterReminderDays + shift) };
    case 'notice':
      return { kind: 'demand', on: plusDays(last.deadlineOn ?? last.sentOn, Math.max(1, agreement.demandAfterNoticeDeadlineDays) + shift) };
    case 'demand': {
      // Legal collection must start within six calendar months of the demand (pause or not: the law's limit, not
      // one of our deadlines); after that only a new demand lets it.
      const renewOn = plusMonths(last.sentOn, DEMAND_VALID_MONTHS);
      if (renewOn <= today) return { kind: 'demand', on: renewOn };
      const on = plusDays(last.deadlineOn ?? last.sentOn, 1 + shift);
      return { kind: snapshot.legalConfirmed ? 'legal_notice' : 'awaitingLegalConfirmation', on, renewOn };
    }
    case 'legal_notice':
      return { kind: 'surveillance_notice', on: plusDays(plusMonths(last.sentOn, agreement.surveillanceAfterLegalMonths), shift) };
    case 'surveillance_notice':
      return null;
  }
}

function deadlineFor(kind: EngineLetterKind, today: string, agreement: CollectionAgreement): string | null {
  if (kind === 'reminder') return plusDays(today, agreement.reminderDeadlineDays);
  if (kind === 'notice') return plusDays(today, Math.max(14, agreement.noticeDeadlineDays));
  if (kind === 'demand') return plusDays(today, Math.max(14, agreement.demandDeadlineDays));
  if (kind === 'legal_notice') return plusDays(today, 14);
  return null;
}

/** The fees that go with a letter of `kind` sent `today`, by the tables valid today. */
function feesFor(kind: EngineLetterKind, snapshot: CaseSnapshot, agreement: CollectionAgreement, today: string, tables: Tables): Posting[] {
  const fee = (feeKind: FeeKind, amountOre: number): Posting[] => (amountOre > 0 ? [{ component: 'fee', amountOre, feeKind }] : []);
  if (kind === 'reminder' || kind === 'notice') {
    const feeLetters = snapshot.letters.filter((letter) => (letter.kind === 'reminder' || letter.kind === 'notice') && letter.feeOre > 0).length;
    if (daysBetween(snapshot.dueOn, today) < FEE_MIN_DAYS_AFTER_DUE) return [];
    if (snapshot.businessDebtor && agreement.standardCompensation) {
      return snapshot.compensationBooked ? [] : fee('standard_compensation', standardCompensationOre(today, tables.compensation));
    }
    if (feeLetters >= MAX_FEE_LETTERS_BEFORE_DEMAND) return [];
    return fee(kind === 'reminder' ? 'reminder_fee' : 'notice_fee', reminderFeeOre(today, tables.collectionRate));
  }
  const base = { principalOre: snapshot.owed.principal, onDate: today, businessDebtor: snapshot.businessDebtor, creditorVatRegistered: snapshot.creditorVatRegistered };
  const demands = snapshot.letters.filter((letter) => letter.kind === 'demand');
  // The salær once per case: a renewed demand (the first ran out before legal collection) books no second one.
  if (kind === 'demand') return demands.length > 0 ? [] : fee('collection_fee_light', collectionFeeOre({ ...base, heavy: false }, tables.collectionRate));
  if (kind === 'legal_notice') {
    const demand = demands.at(-1);
    if (!demand) return [];
    // A renewed demand means the first one's deadline was overrun by months.
    const deadline = plusDays(demand.deadlineOn ?? today, snapshot.pausedDays);
    if (demands.length === 1 && daysBetween(deadline, today) <= agreement.heavyFeeAfterOverrunDays) return [];
    // The heavy rate replaces the light one: book the difference, so the fees never pass the heavy maximum.
    const heavy = collectionFeeOre({ ...base, heavy: true }, tables.collectionRate);
    const light = demands.reduce((sum, letter) => sum + letter.feeOre, 0);
    return fee('collection_fee_heavy', Math.max(0, heavy - light));
  }
  return [];
}

/** What the engine does for a case today. */
export function decide(snapshot: CaseSnapshot, agreement: CollectionAgreement, today: string, tables: Tables): Decision {
  if (snapshot.status !== 'active') return { kind: 'wait', reason: 'inactive', nextOn: null };
  if (snapshot.balanceOre <= 0) return { kind: 'wait', reason: 'nothingOwed', nextOn: null };
  if (snapshot.disputed) return { kind: 'wait', reason: 'disputed', nextOn: null };
  const next = nextStep(snapshot, agreement, today);
  if (!next) return { kind: 'wait', reason: 'done', nextOn: null };
  if (next.on > today) return { kind: 'wait', reason: 'notYet', nextOn: next.renewOn && next.renewOn < next.on ? next.renewOn : next.on };
  // Waiting for the desk, until the demand runs out (then a new demand).
  if (next.kind === 'awaitingLegalConfirmation') return { kind: 'wait', reason: 'awaitingLegalConfirmation', nextOn: next.renewOn ?? null };
  try {
    return { kind: 'letter', plan: planLetter(next.kind, snapshot, agreement, today, tables) };
  } catch (error) {
    if (error instanceof MissingInterestRateError) return { kind: 'error', code: 'missingInterestRate', onDate: error.onDate };
    if (error instanceof MissingFeeTableError) return { kind: 'error', code: 'missingFeeTable', onDate: error.onDate };
    throw error;
  }
}

function planLetter(kind: EngineLetterKind, snapshot: CaseSnapshot, agreement: CollectionAgreement, today: string, tables: Tables): LetterPlan {
  const interest = interestUpTo(snapshot, today, tables.rates);
  const postings: Posting[] = [];
  if (interest.interestOre > 0) postings.push({ component: 'interest', amountOre: interest.interestOre, feeKind: null });
  const fees = feesFor(kind, snapshot, agreement, today, tables);
  postings.push(...fees);
  const feeOre = fees.reduce((sum, posting) => sum + posting.amountOre, 0);
  const owedAfter = { principal: snapshot.owed.principal, interest: snapshot.owed.interest + interest.interestOre, fee: snapshot.owed.fee + feeOre };
  return {
    kind,
    sentOn: today,
    deadlineOn: deadlineFor(kind, today, agreement),
    stage: STAGE_OF_LETTER[kind],
    postings,
    amountDueOre: snapshot.balanceOre + interest.interestOre + feeOre,
    owedAfter,
    feeOre,
    interestRateBasisPoints: rateOn(laterOf(today, interestStartOn(snapshot.dueOn)), tables.rates),
    interestFromOn: interestStartOn(snapshot.dueOn),
    interestBookedToOn: interest.bookedToOn,
    interestCarryUnits: interest.carryUnits,
  };
}

/** The case as the job leaves it after writing `plan`'s letter (for planning ahead without the database). */
export function afterLetter(snapshot: CaseSnapshot, plan: LetterPlan): CaseSnapshot {
  return {
    ...snapshot,
    letters: [...snapshot.letters, { kind: plan.kind, sentOn: plan.sentOn, deadlineOn: plan.deadlineOn, feeOre: plan.feeOre }],
    owed: plan.owedAfter,
    balanceOre: plan.amountDueOre,
    pausedDays: 0,
    interestBookedToOn: plan.interestBookedToOn,
    interestCarryUnits: plan.interestCarryUnits,
    compensationBooked: snapshot.compensationBooked || plan.postings.some((posting) => posting.feeKind === 'standard_compensation'),
  };
}

import type { AllocationOrder } from '@/lib/allocation/order';
import type { Outstanding } from '@/lib/ledger/components';
import type { CollectionAgreement } from './agreement';
import { claimOn, heavySalaerOn, type Claim, type ClaimFacts, type ClaimPayment, type ClaimTables, type FeeKind } from './claim';
import { laterOf, plusDays, plusMonths } from './dates';
import { MissingFeeTableError } from './fees';
import { MissingInterestRateError, rateOn } from './interest';
import { planStanding, type Instalment } from './plan';
import { bookedFromClaim, reconcile, type Booked, type Correction, type CorrectionCause, type ReconcilePosting } from './reconcile';

// The collection path as one pure decision: given a case as it stands and today's date, which letter is due now
// (or that the claim changed by itself: the heavy salær fell due), with the ledger entries that bring the ledger to
// claimOn's claim. No database, no clock: the job reads, calls this, and writes.

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

/** Legal collection must start within this many months of the demand, otherwise a new demand (domain.md §1). */
export const DEMAND_VALID_MONTHS = 6;

export type SentLetter = { kind: EngineLetterKind; sentOn: string; deadlineOn: string | null };

export type CaseSnapshot = {
  status: 'active' | 'paused' | 'withdrawn' | 'closed';
  dueOn: string;
  businessDebtor: boolean;
  creditorVatRegistered: boolean;
  disputed: boolean;
  /** The day the open dispute started (holds the heavy salær), or null. */
  disputedOn?: string | null;
  /** The day a dispute was decided for the debtor with its costs waived, or null. */
  costsWaivedOn?: string | null;
  legalConfirmed: boolean;
  /** Days the case was paused since its newest letter: every deadline after it moves by this much. */
  pausedDays: number;
  /** The engine's letters, oldest first. */
  letters: readonly SentLetter[];
  /** The principal registered (the ledger's principal rows). */
  principalOre: number;
  /** Payments and credit notes by value date. */
  payments: readonly ClaimPayment[];
  allocationOrder?: AllocationOrder;
  /** What the ledger holds, to reconcile from. */
  booked: Booked;
  balanceOre: number;
  /** The last day the ledger was reconciled to the claim (interest booked through it); null before the first letter. */
  reconciledOn: string | null;
  /** A postponement or instalment plan agreed in Min side and running: the engine holds the path while it is kept. */
  arrangement?: ArrangementSnapshot | null;
  /** The plan fee the case's first plan carries (inkassoforskriften § 2-4), from the plan's day. */
  planFee?: { onDate: string; amountOre: number } | null;
};

export type ArrangementSnapshot = {
  id: string;
  kind: 'postponement' | 'plan';
  startsOn: string;
  untilOn: string;
  instalments: readonly (Instalment & { noticeSentOn: string | null })[];
};

/** Days a missed instalment's notice gives the debtor to catch up before the collection path resumes. */
export const MISSED_INSTALMENT_GRACE_DAYS = 14;

/** What the engine does about a running arrangement today. */
export type ArrangementChange =
  | { change: 'notice'; arrangementId: string; instalment: Instalment; deadlineOn: string }
  | { change: 'broken' | 'completed' | 'expired'; arrangementId: string };

export type Tables = ClaimTables;
export type { FeeKind };

export type LetterPlan = {
  kind: EngineLetterKind;
  sentOn: string;
  deadlineOn: string | null;
  stage: EngineStage;
  claim: Claim;
  postings: ReconcilePosting[];
  corrections: Correction[];
  /** What the letter prints: the amounts owed on its date, after its own postings. */
  amountDueOre: number;
  owedAfter: Outstanding;
  /** The fees this letter adds (by kind), and their sum. */
  newFees: { feeKind: FeeKind; amountOre: number }[];
  feeOre: number;
  interestRateBasisPoints: number | null;
  interestFromOn: string;
};

export type ReconcilePlan = { claim: Claim; postings: ReconcilePosting[]; corrections: Correction[] };

export type Decision =
  | { kind: 'letter'; plan: LetterPlan }
  | { kind: 'reconcile'; plan: ReconcilePlan }
  | {
      kind: 'wait';
      reason: 'inactive' | 'nothingOwed' | 'disputed' | 'arranged' | 'notYet' | 'awaitingLegalConfirmation' | 'done';
      nextOn: string | null;
    }
  | { kind: 'arrangement'; step: ArrangementChange }
  | { kind: 'error'; code: 'missingInterestRate' | 'missingFeeTable'; onDate: string };

/** The first day interest runs: the day after the agreed due date. */
export function interestStartOn(dueOn: string): string {
  return plusDays(dueOn, 1);
}

/** The facts claimOn needs, from the case as the engine reads it. */
export function factsOf(snapshot: CaseSnapshot, agreement: CollectionAgreement, extraLetter?: SentLetter): ClaimFacts {
  return {
    dueOn: snapshot.dueOn,
    principalOre: snapshot.principalOre,
    businessDebtor: snapshot.businessDebtor,
    creditorVatRegistered: snapshot.creditorVatRegistered,
    agreement,
    allocationOrder: snapshot.allocationOrder,
    letters: extraLetter ? [...snapshot.letters, extraLetter] : snapshot.letters,
    payments: snapshot.payments,
    disputedOn: snapshot.disputed ? (snapshot.disputedOn ?? null) : null,
    arrangedOn: snapshot.arrangement?.startsOn ?? null,
    planFee: snapshot.planFee ?? null,
    costsWaivedOn: snapshot.costsWaivedOn ?? null,
  };
}

/**
 * A running arrangement holds the path: a postponement until its day, a plan while its instalments are paid (by
 * value date, from the plan's day). A missed instalment gets one notice; not caught up within the notice's 14 days,
 * the plan is broken and the path resumes. Null: the arrangement no longer holds anything.
 */
function arrangementStep(snapshot: CaseSnapshot, today: string): Decision | null {
  const arrangement = snapshot.arrangement;
  if (!arrangement) return null;
  if (arrangement.kind === 'postponement') {
    if (today <= arrangement.untilOn) return { kind: 'wait', reason: 'arranged', nextOn: plusDays(arrangement.untilOn, 1) };
    return { kind: 'arrangement', step: { change: 'expired', arrangementId: arrangement.id } };
  }
  const paid = snapshot.payments
    .filter((payment) => payment.source === 'debtor' && payment.valueOn >= arrangement.startsOn)
    .reduce((sum, payment) => sum + payment.amountOre, 0);
  const standing = planStanding(arrangement.instalments, paid, today);
  if (standing.completed) return { kind: 'arrangement', step: { change: 'completed', arrangementId: arrangement.id } };
  if (!standing.missed) {
    const next = arrangement.instalments.find((instalment) => instalment.dueOn >= today);
    return { kind: 'wait', reason: 'arranged', nextOn: next ? plusDays(next.dueOn, 1) : null };
  }
  const missed = arrangement.instalments.find((instalment) => instalment.number === standing.missed?.number);
  if (!missed?.noticeSentOn) {
    return {
      kind: 'arrangement',
      step: {
        change: 'notice',
        arrangementId: arrangement.id,
        instalment: standing.missed,
        deadlineOn: plusDays(today, MISSED_INSTALMENT_GRACE_DAYS),
      },
    };
  }
  const deadlineOn = plusDays(missed.noticeSentOn, MISSED_INSTALMENT_GRACE_DAYS);
  // The deadline day itself is still in time (inkassoloven § 9).
  if (today > deadlineOn) return { kind: 'arrangement', step: { change: 'broken', arrangementId: arrangement.id } };
  return { kind: 'wait', reason: 'arranged', nextOn: plusDays(deadlineOn, 1) };
}

/** The claim on `day` and the entries that bring the ledger to it (throws on a missing table). */
export function reconcilePlan(
  snapshot: CaseSnapshot,
  agreement: CollectionAgreement,
  day: string,
  tables: Tables,
  fresh: { paymentId?: string; cause?: CorrectionCause } = {},
): ReconcilePlan {
  const claim = claimOn(factsOf(snapshot, agreement), day, tables);
  return { claim, ...reconcile(claim, snapshot.booked, fresh) };
}

/** The day the heavy salær falls due while the ledger has none, or null. */
function heavyDueOn(snapshot: CaseSnapshot, agreement: CollectionAgreement): string | null {
  const demand = snapshot.letters.find((letter) => letter.kind === 'demand' && letter.deadlineOn);
  if (!demand?.deadlineOn || snapshot.booked.fees.collection_fee_heavy > 0 || snapshot.disputed) return null;
  return heavySalaerOn(demand.deadlineOn, agreement);
}

/** The next step and the first day it may happen; after a demand, also the day the demand runs out (`renewOn`). */
type Next = { kind: EngineLetterKind | 'awaitingLegalConfirmation'; on: string; renewOn?: string } | null;

/** The next letter and the first day it may go out, from the newest letter (deadlines moved by the pause). */
function nextStep(snapshot: CaseSnapshot, agreement: CollectionAgreement, today: string): Next {
  const last = snapshot.letters.at(-1);
  const shift = snapshot.pausedDays;
  if (!last) {
    // Never on the due date itself: a notice goes out only after it (domain.md §1).
    const on = plusDays(snapshot.dueOn, Math.max(1, agreement.firstLetterAfterDueDays) + shift);
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

/** What the engine does for a case today. */
export function decide(snapshot: CaseSnapshot, agreement: CollectionAgreement, today: string, tables: Tables): Decision {
  if (snapshot.status !== 'active') return { kind: 'wait', reason: 'inactive', nextOn: null };
  if (snapshot.balanceOre <= 0) return { kind: 'wait', reason: 'nothingOwed', nextOn: null };
  if (snapshot.disputed) return { kind: 'wait', reason: 'disputed', nextOn: null };
  const arranged = arrangementStep(snapshot, today);
  if (arranged) return arranged;
  try {
    const heavyOn = heavyDueOn(snapshot, agreement);
    if (heavyOn && heavyOn <= today) {
      const plan = reconcilePlan(snapshot, agreement, laterOf(today, snapshot.reconciledOn ?? today), tables);
      if (plan.claim.feesByKind.collection_fee_heavy > 0) return { kind: 'reconcile', plan };
    }
    const wait = (reason: 'notYet' | 'awaitingLegalConfirmation' | 'done', nextOn: string | null) => {
      const pendingHeavy = heavyOn && heavyOn > today ? heavyOn : null;
      const earliest = [nextOn, pendingHeavy].filter((on): on is string => on !== null).sort()[0] ?? null;
      return { kind: 'wait' as const, reason, nextOn: earliest };
    };
    const next = nextStep(snapshot, agreement, today);
    if (!next) return wait('done', null);
    if (next.on > today) return wait('notYet', next.renewOn && next.renewOn < next.on ? next.renewOn : next.on);
    // Waiting for the desk, until the demand runs out (then a new demand).
    if (next.kind === 'awaitingLegalConfirmation') return wait('awaitingLegalConfirmation', next.renewOn ?? null);
    return { kind: 'letter', plan: planLetter(next.kind, snapshot, agreement, today, tables) };
  } catch (error) {
    if (error instanceof MissingInterestRateError) return { kind: 'error', code: 'missingInterestRate', onDate: error.onDate };
    if (error instanceof MissingFeeTableError) return { kind: 'error', code: 'missingFeeTable', onDate: error.onDate };
    throw error;
  }
}

function planLetter(
  kind: EngineLetterKind,
  snapshot: CaseSnapshot,
  agreement: CollectionAgreement,
  today: string,
  tables: Tables,
): LetterPlan {
  const letter: SentLetter = { kind, sentOn: today, deadlineOn: deadlineFor(kind, today, agreement) };
  const claim = claimOn(factsOf(snapshot, agreement, letter), today, tables);
  const { postings, corrections } = reconcile(claim, snapshot.booked, { letterOn: today });
  const newFees = claim.fees.filter((fee) => fee.onDate === today).map((fee) => ({ feeKind: fee.kind, amountOre: fee.amountOre }));
  return {
    ...letter,
    stage: STAGE_OF_LETTER[kind],
    claim,
    postings,
    corrections,
    amountDueOre: claim.totalOre,
    owedAfter: claim.outstanding,
    newFees,
    feeOre: newFees.reduce((sum, fee) => sum + fee.amountOre, 0),
    interestRateBasisPoints: rateOn(laterOf(today, interestStartOn(snapshot.dueOn)), tables.rates),
    interestFromOn: interestStartOn(snapshot.dueOn),
  };
}

/** The case as the job leaves it after writing a letter or a reconciliation on `day` (planning ahead without the database). */
export function afterPlan(snapshot: CaseSnapshot, plan: LetterPlan | ReconcilePlan): CaseSnapshot {
  const letter = 'kind' in plan ? [{ kind: plan.kind, sentOn: plan.sentOn, deadlineOn: plan.deadlineOn }] : [];
  return {
    ...snapshot,
    letters: [...snapshot.letters, ...letter],
    booked: bookedFromClaim(plan.claim),
    balanceOre: plan.claim.totalOre,
    pausedDays: letter.length > 0 ? 0 : snapshot.pausedDays,
    reconciledOn: plan.claim.day,
  };
}

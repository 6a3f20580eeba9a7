import { collectionFeeLightOre, reminderFeeOre } from '@/lib/domain/fees';
import type { LetterKind, Stage } from '@/db/seed/demo-context';
import { book, bookInterest } from '@/db/seed/demo-case-ledger';
import { caseEvent, stamp, type CaseRun } from '@/db/seed/demo-case-run';
import { isoDay } from '@/db/seed/demo-dates';
import { DEMO_RATES } from '@/db/seed/demo-rates';
import { rateOn } from '@/lib/engine/rules/interest';

// The stages a case walks through, with the letter each sends and the days until the next.

export const STAGE_FLOW: readonly { stage: Stage; letter: LetterKind | null; gap: [number, number] }[] = [
  { stage: 'reminder', letter: 'reminder', gap: [15, 16] },
  { stage: 'notice', letter: 'notice', gap: [17, 20] },
  { stage: 'demand', letter: 'demand', gap: [30, 75] },
  { stage: 'legal', letter: 'legal_notice', gap: [150, 270] },
  { stage: 'surveillance', letter: null, gap: [0, 0] },
];

type StageStep = (typeof STAGE_FLOW)[number];

const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** The letter's row (what the engine would have written) and its history event, on `day`. */
export function sendLetter(run: CaseRun, kind: LetterKind, day: number, newFeeOre = 0) {
  const at = stamp(run, day);
  const { ctx, plan } = run;
  const letterId = ctx.newId();
  run.rows.letters.push({
    id: letterId,
    companyId: run.companyId,
    caseId: plan.id,
    kind,
    sentOn: isoDay(day),
    deadlineOn: isoDay(day + 14),
    accountNumber: ctx.agencyAccount,
    kid: plan.kid,
    amountDueOre: run.balance,
    principalOre: run.owed.principal,
    interestOre: run.owed.interest,
    feeOre: run.owed.fee,
    newFeeOre,
    interestRateBasisPoints: rateOn(isoDay(day), DEMO_RATES),
    interestFromOn: isoDay(Math.min(...plan.invoices.map((invoice) => invoice.dueDay))),
    content: {
      creditor: { name: plan.company.name, organisationNumber: plan.company.organisationNumber },
      debtor: { name: String(plan.debtor.name), kind: plan.debtor.kind as 'person' | 'company', addressLine: textOrNull(plan.debtor.addressLine), postcode: textOrNull(plan.debtor.postcode), city: textOrNull(plan.debtor.city) },
      invoices: plan.invoices.map((invoice) => ({ invoiceNumber: invoice.number, issuedOn: isoDay(invoice.issuedDay), dueOn: isoDay(invoice.dueDay), amountOre: invoice.amountOre })),
      caseNumber: plan.caseNumber,
      newFees: [],
    },
    createdAt: at,
  });
  caseEvent(run, 'letter.sent', at, { accountNumber: ctx.agencyAccount, kid: plan.kid, amountOre: run.balance, dueOn: isoDay(day + 14), letterKind: kind, letterId });
}

/** The next stage on `day`: its fee or interest, its letter, and when the stage after it is due. */
export function advanceStage(run: CaseRun, day: number) {
  const from = STAGE_FLOW[run.stageIndex] as StageStep;
  run.stageIndex += 1;
  const to = STAGE_FLOW[run.stageIndex] as StageStep;
  const at = stamp(run, day);
  caseEvent(run, 'case.stage_changed', at, { from: from.stage, to: to.stage });
  run.stageChanges.push({ day, stage: to.stage });
  const feesBefore = run.owed.fee;
  if (to.stage === 'notice') book(run, 'fee', reminderFeeOre(isoDay(day)), stamp(run, day));
  if (to.stage !== 'notice') bookInterest(run, day, stamp(run, day));
  if (to.stage === 'demand') {
    const fee = collectionFeeLightOre(run.principalOre, isoDay(day));
    book(run, 'fee', run.plan.debtor.kind === 'company' ? Math.round(fee * 1.5) : fee, stamp(run, day));
  }
  if (to.letter) sendLetter(run, to.letter, day, run.owed.fee - feesBefore);
  run.nextStageDay = day + run.ctx.rng.int(...to.gap);
}

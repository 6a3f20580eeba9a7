import { creditorUser, type Context } from '@/db/seed/demo-context';
import { book, bookInterest } from '@/db/seed/demo-case-ledger';
import { STAGE_FLOW } from '@/db/seed/demo-case-letters';
import { pay } from '@/db/seed/demo-case-payments';
import { caseEvent, stamp, type CaseRun } from '@/db/seed/demo-case-run';
import { isoDay } from '@/db/seed/demo-dates';

// The planned actions on a case (the debtor's and the creditor's), and what each does to the case.

const WITHDRAW_REASONS = [
  'Kunden har betalt direkte til oss',
  'Fakturaen ble sendt ved en feil',
  'Vi har avtalt en nedbetalingsplan med kunden',
  'Kunden er en viktig samarbeidspartner, vi løser saken selv',
];

export type Action = { day: number; kind: 'credit' | 'instalment' | 'pay' | 'withdraw' | 'pause' | 'resume' };

/** What happens to a case besides its stages, in day order: payments, credit notes, a withdrawal, pauses. */
export function planActions(ctx: Context, registeredDay: number): Action[] {
  const { rng, lastDay } = ctx;
  const actions: Action[] = [];
  const fate = rng.next();
  const payDay =
    fate < 0.2 ? registeredDay + rng.int(5, 30)
      : fate < 0.32 ? registeredDay + rng.int(30, 120)
        : fate < 0.4 ? registeredDay + rng.int(120, 450)
          : Number.POSITIVE_INFINITY;
  const withdrawDay = rng.chance(0.05) ? registeredDay + rng.int(4, 90) : Number.POSITIVE_INFINITY;
  if (Number.isFinite(payDay)) actions.push({ day: payDay, kind: 'pay' });
  if (Number.isFinite(withdrawDay)) actions.push({ day: withdrawDay, kind: 'withdraw' });
  if (rng.chance(0.08)) actions.push({ day: registeredDay + rng.int(2, 20), kind: 'credit' });
  if (rng.chance(0.18)) {
    let day = registeredDay + rng.int(20, 60);
    for (let n = rng.int(1, 3); n > 0; n -= 1, day += rng.int(20, 40)) actions.push({ day, kind: 'instalment' });
  }
  if (rng.chance(0.06)) {
    const pauseDay = registeredDay + rng.int(3, 40);
    actions.push({ day: pauseDay, kind: 'pause' }, { day: pauseDay + rng.int(7, 25), kind: 'resume' });
  }
  const endsBeforeToday = Math.min(payDay, withdrawDay) <= lastDay;
  if (!endsBeforeToday && rng.chance(0.09) && lastDay - 1 > registeredDay + 3) {
    // Paused now: the pause is the last thing that happened, so drop everything planned after it.
    const pauseDay = rng.int(Math.max(registeredDay + 3, lastDay - 45), lastDay);
    return [...actions.filter((action) => action.day < pauseDay && action.kind !== 'pause' && action.kind !== 'resume'), { day: pauseDay, kind: 'pause' }];
  }
  return actions.sort((a, b) => a.day - b.day);
}

function creditNote(run: CaseRun, day: number) {
  const { ctx, plan, firstInvoice } = run;
  const amountOre = Math.min(Math.round((firstInvoice.amountOre * ctx.rng.int(10, 50)) / 10_000) * 100, run.principalOpen - 100);
  if (amountOre <= 0) return;
  const actor = run.isAutocollect ? null : creditorUser(ctx, plan.companyIndex);
  const at = stamp(run, day);
  book(run, 'credit_note', -amountOre, at, { invoiceId: firstInvoice.id, createdByUserId: actor });
  run.principalOpen -= amountOre;
  caseEvent(run, 'credit_note.registered', at, { amountOre, creditedOn: isoDay(day), currency: 'NOK', invoiceNumber: firstInvoice.number }, actor);
}

/** The debtor pays the whole balance with interest to date, and the case closes. */
function payInFull(run: CaseRun, day: number) {
  bookInterest(run, day, stamp(run, day));
  pay(run, day, run.balance);
  caseEvent(run, 'case.stage_changed', stamp(run, day), { from: STAGE_FLOW[run.stageIndex]?.stage, to: 'closed' });
  const at = stamp(run, day);
  caseEvent(run, 'case.closed', at, { reason: 'paid' });
  run.stageChanges.push({ day, stage: 'closed' });
  run.status = 'closed';
  run.closedAt = at;
  run.endDay = day;
}

/** Applies `action` on `day`; true when it ended the case. */
export function applyAction(run: CaseRun, action: Action, day: number): boolean {
  const { ctx, plan } = run;
  const { rng } = ctx;
  if (action.kind === 'credit') {
    creditNote(run, day);
  } else if (action.kind === 'instalment') {
    const amountOre = Math.round((run.balance * rng.int(10, 30)) / 10_000) * 100;
    if (amountOre >= 10_000 && amountOre < run.balance) pay(run, day, amountOre);
  } else if (action.kind === 'pay') {
    payInFull(run, day);
    return true;
  } else if (action.kind === 'withdraw') {
    caseEvent(run, 'case.withdrawn', stamp(run, day), { reason: rng.pick(WITHDRAW_REASONS) }, creditorUser(ctx, plan.companyIndex));
    run.status = 'withdrawn';
    run.endDay = day;
    return true;
  } else if (action.kind === 'pause' && run.pausedOn === null) {
    caseEvent(run, 'case.paused', stamp(run, day), {}, creditorUser(ctx, plan.companyIndex));
    run.pausedOn = day;
  } else if (action.kind === 'resume' && run.pausedOn !== null) {
    caseEvent(run, 'case.resumed', stamp(run, day), {}, creditorUser(ctx, plan.companyIndex));
    run.nextStageDay += day - run.pausedOn;
    run.pausedOn = null;
  }
  return false;
}

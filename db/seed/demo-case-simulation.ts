import { reminderFeeOre } from '@/lib/domain/fees';
import { creditorUser, type CaseOutcome, type CasePlan, type Context, type DemoRows } from '@/db/seed/demo-context';
import { applyAction, planActions } from '@/db/seed/demo-case-actions';
import { book } from '@/db/seed/demo-case-ledger';
import { STAGE_FLOW, advanceStage, sendLetter } from '@/db/seed/demo-case-letters';
import { caseEvent, stamp, startCaseRun, type CaseRun } from '@/db/seed/demo-case-run';
import { isoDay } from '@/db/seed/demo-dates';

// One demo case from registration to today: its ledger, letters and history, as the real case path would leave them.

/** Registration: principal per invoice, then the first letter with its fee the same day. */
function registerCase(run: CaseRun): Date {
  const { ctx, plan, firstInvoice } = run;
  const registeredAt = stamp(run, plan.registeredDay);
  for (const invoice of plan.invoices) book(run, 'principal', invoice.amountOre, registeredAt, { invoiceId: invoice.id });
  const registeredBy = plan.source === 'autocollect' ? null : creditorUser(ctx, plan.companyIndex);
  caseEvent(run, 'case.registered', registeredAt, { invoiceNumber: firstInvoice.number, amountOre: run.principalOre, source: plan.source }, registeredBy);
  const fee = reminderFeeOre(isoDay(plan.registeredDay));
  book(run, 'fee', fee, stamp(run, plan.registeredDay));
  sendLetter(run, 'reminder', plan.registeredDay, fee);
  return registeredAt;
}

/** Plays the planned actions and the due stage changes in day order, up to yesterday or the case's end. */
function playUntilToday(run: CaseRun) {
  const { ctx, plan } = run;
  const actions = planActions(ctx, plan.registeredDay);
  run.nextStageDay = plan.registeredDay + ctx.rng.int(...(STAGE_FLOW[0] as (typeof STAGE_FLOW)[number]).gap);
  let actionIndex = 0;
  for (;;) {
    const action = actions[actionIndex];
    const stageDue = run.pausedOn === null && run.stageIndex < STAGE_FLOW.length - 1 ? run.nextStageDay : Number.POSITIVE_INFINITY;
    const day = Math.min(action?.day ?? Number.POSITIVE_INFINITY, stageDue);
    if (day > ctx.lastDay) return;
    if (action && action.day <= stageDue) {
      actionIndex += 1;
      if (applyAction(run, action, day)) return;
    } else {
      advanceStage(run, day);
    }
  }
}

/** The case row and its invoices, as they stand after the simulation. */
function addCaseRows(run: CaseRun, registeredAt: Date) {
  const { plan, rows, companyId, status } = run;
  const lastEvent = rows.events.at(-1)?.occurredAt;
  rows.cases.push({
    id: plan.id,
    companyId,
    caseNumber: plan.caseNumber,
    debtorId: plan.debtor.id,
    status,
    stage: status === 'closed' ? 'closed' : (STAGE_FLOW[run.stageIndex]?.stage ?? 'reminder'),
    kid: plan.kid,
    source: plan.source,
    originalAmountOre: run.principalOre,
    balanceOre: run.balance,
    dueOn: isoDay(Math.min(...plan.invoices.map((invoice) => invoice.dueDay))),
    registeredAt,
    closedAt: run.closedAt,
    updatedAt: lastEvent instanceof Date ? lastEvent : registeredAt,
  });
  for (const invoice of plan.invoices) {
    rows.invoices.push({
      id: invoice.id,
      companyId,
      caseId: plan.id,
      invoiceNumber: invoice.number,
      issuedOn: isoDay(invoice.issuedDay),
      dueOn: isoDay(invoice.dueDay),
      amountOre: invoice.amountOre,
      description: invoice.description,
      createdAt: registeredAt,
    });
  }
}

export function simulateCase(ctx: Context, plan: CasePlan, rows: DemoRows): CaseOutcome {
  const run = startCaseRun(ctx, plan, rows);
  const registeredAt = registerCase(run);
  playUntilToday(run);
  if (run.status === 'active' && run.pausedOn !== null) run.status = 'paused';
  addCaseRows(run, registeredAt);
  // Where the engine takes over: interest booked up to here, and the pause still running.
  rows.collection.push({ caseId: plan.id, companyId: run.companyId, interestBookedToOn: isoDay(run.interestFrom), pausedOn: run.status === 'paused' && run.pausedOn !== null ? isoDay(run.pausedOn) : null });
  return { plan, status: run.status, stageChanges: run.stageChanges, lastActiveDay: run.endDay };
}

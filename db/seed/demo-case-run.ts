import type { Outstanding } from '@/lib/ledger/components';
import type { CasePlan, Context, DemoRows, InvoicePlan, Stage, Status } from '@/db/seed/demo-context';
import { DAY_MS, MINUTE_MS } from '@/db/seed/demo-dates';

// The running state of one simulated case, its clock and its history events.

export type CaseRun = {
  ctx: Context;
  plan: CasePlan;
  rows: DemoRows;
  companyId: string;
  isAutocollect: boolean;
  principalOre: number;
  firstInvoice: InvoicePlan;
  /** The last stamped instant; every later stamp is after it, so the history stays in order. */
  lastMs: number;
  balance: number;
  principalOpen: number;
  interestFrom: number;
  stageIndex: number;
  status: Status;
  pausedOn: number | null;
  closedAt: Date | null;
  endDay: number;
  nextStageDay: number;
  stageChanges: { day: number; stage: Stage }[];
  /** What is owed per component, for allocating the agency's debtor payments in the stage's order. */
  owed: Outstanding;
};

export function startCaseRun(ctx: Context, plan: CasePlan, rows: DemoRows): CaseRun {
  const principalOre = plan.invoices.reduce((sum, invoice) => sum + invoice.amountOre, 0);
  return {
    ctx,
    plan,
    rows,
    companyId: plan.company.id,
    isAutocollect: plan.companyIndex === 1,
    principalOre,
    firstInvoice: plan.invoices[0] as InvoicePlan,
    lastMs: 0,
    balance: 0,
    principalOpen: principalOre,
    interestFrom: Math.min(...plan.invoices.map((invoice) => invoice.dueDay)),
    stageIndex: 0,
    status: 'active',
    pausedOn: null,
    closedAt: null,
    endDay: ctx.lastDay,
    nextStageDay: 0,
    stageChanges: [{ day: plan.registeredDay, stage: 'reminder' }],
    owed: { principal: 0, interest: 0, fee: 0 },
  };
}

/** An instant during office hours on `day`, after everything stamped before on the case. */
export function stamp(run: CaseRun, day: number): Date {
  const { rng } = run.ctx;
  let ms = day * DAY_MS + (6 * 60 + rng.int(0, 9 * 60)) * MINUTE_MS;
  if (ms <= run.lastMs) ms = run.lastMs + rng.int(1, 40) * MINUTE_MS;
  run.lastMs = ms;
  return new Date(ms);
}

export function caseEvent(run: CaseRun, type: string, at: Date, data: Record<string, unknown>, actorUserId: string | null = null) {
  const { plan } = run;
  run.rows.events.push({
    id: run.ctx.newId(),
    companyId: run.companyId,
    actorUserId,
    type,
    subjectType: 'case',
    subjectId: plan.id,
    caseId: plan.id,
    data,
    occurredAt: at,
  });
}

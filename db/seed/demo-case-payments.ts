import { allocatePayment } from '@/lib/allocation/allocate';
import { orderForStage } from '@/lib/allocation/order';
import { creditorUser } from '@/db/seed/demo-context';
import { book } from '@/db/seed/demo-case-ledger';
import { STAGE_FLOW } from '@/db/seed/demo-case-letters';
import { caseEvent, stamp, type CaseRun } from '@/db/seed/demo-case-run';
import { isoDay } from '@/db/seed/demo-dates';

// Payments on a simulated case: most reach the agency by KID, some are paid to the creditor or through AutoCollect.

/** A debtor's payment into the agency's account by KID, split by the real allocation for the current stage. */
function receiveByKid(run: CaseRun, day: number, amountOre: number, at: Date) {
  const { ctx, plan, rows } = run;
  const stage = STAGE_FLOW[run.stageIndex]?.stage ?? 'reminder';
  const split = allocatePayment(amountOre, run.owed, orderForStage(stage, null));
  const debtorPaymentId = ctx.newId();
  rows.debtorPayments.push({
    id: debtorPaymentId,
    companyId: run.companyId,
    caseId: plan.id,
    status: 'allocated',
    source: 'seed',
    paidOn: isoDay(day),
    kid: plan.kid,
    amountOre,
    payer: String(plan.debtor.name),
    bankReference: `DEMO-${plan.kid}-${day}-${rows.debtorPayments.length}`,
    principalOre: split.principal,
    interestOre: split.interest,
    feeOre: split.fee,
    creditOre: split.credit,
    allocatedAt: at,
    createdAt: at,
  });
  for (const covers of ['fee', 'interest', 'principal', 'credit'] as const) {
    if (split[covers] > 0) book(run, 'payment', -split[covers], at, { covers, debtorPaymentId });
  }
}

export function pay(run: CaseRun, day: number, amountOre: number) {
  const { ctx, plan } = run;
  const { rng } = ctx;
  const source = rng.chance(0.8) ? 'agency' : run.isAutocollect ? 'autocollect' : 'creditor';
  const actor = source === 'creditor' ? creditorUser(ctx, plan.companyIndex) : null;
  const at = stamp(run, day);
  if (source === 'agency') receiveByKid(run, day, amountOre, at);
  else book(run, 'payment', -amountOre, at, { createdByUserId: actor });
  run.principalOpen -= Math.min(amountOre, Math.max(run.principalOpen, 0));
  const invoiceNumber = rng.chance(0.5) ? run.firstInvoice.number : null;
  caseEvent(run, 'payment.registered', at, { amountOre, paidOn: isoDay(day), currency: 'NOK', invoiceNumber, source }, actor);
  run.rows.payments.push({ companyIndex: plan.companyIndex, caseId: plan.id, day, amountOre, isDirect: source !== 'agency' });
}

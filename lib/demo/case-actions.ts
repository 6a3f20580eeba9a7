import type { Tx } from '@/db/client';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { acceptsPayments, isActionAllowed } from '@/lib/cases/status-rules';
import { lockCase, outstandingByComponent } from '@/lib/ledger';
import { registerPayment } from '@/lib/payments/mutations';
import { creditorUser, type Action, type CasePlan, type Context, type PaymentSource } from '@/lib/demo/context';
import { creditorActor, pay, type Actors } from '@/lib/demo/case-payments';
import { isoFromDay } from '@/lib/dates';

// What the creditor and the debtor do on a demo case, planned up front with the seeded random source and played
// on its day through the portal's own mutations (the collection engine does everything else).

const WITHDRAW_REASONS = [
  'Kunden har betalt direkte til oss',
  'Fakturaen ble sendt ved en feil',
  'Vi har avtalt en nedbetalingsplan med kunden',
  'Kunden er en viktig samarbeidspartner, vi løser saken selv',
];

function paymentSource(ctx: Context, companyIndex: number): PaymentSource {
  if (ctx.rng.chance(0.8)) return 'agency';
  return companyIndex === 1 ? 'autocollect' : 'creditor';
}

/** What happens to a case besides its letters, in day order: payments, credit notes, a withdrawal, pauses. */
export function planActions(ctx: Context, companyIndex: number, registeredDay: number): Action[] {
  const { rng, lastDay } = ctx;
  const actor = () => creditorUser(ctx, companyIndex);
  const actions: Action[] = [];
  const fate = rng.next();
  const payDay =
    fate < 0.2
      ? registeredDay + rng.int(5, 30)
      : fate < 0.32
        ? registeredDay + rng.int(30, 120)
        : fate < 0.4
          ? registeredDay + rng.int(120, 450)
          : Number.POSITIVE_INFINITY;
  const withdrawDay = rng.chance(0.05) ? registeredDay + rng.int(4, 90) : Number.POSITIVE_INFINITY;
  if (Number.isFinite(payDay)) actions.push({ day: payDay, kind: 'pay', source: paymentSource(ctx, companyIndex), actor: actor() });
  if (Number.isFinite(withdrawDay))
    actions.push({ day: withdrawDay, kind: 'withdraw', actor: actor(), reason: rng.pick(WITHDRAW_REASONS) });
  if (rng.chance(0.08)) actions.push({ day: registeredDay + rng.int(2, 20), kind: 'credit', actor: actor(), percent: rng.int(10, 50) });
  if (rng.chance(0.18)) {
    let day = registeredDay + rng.int(20, 60);
    for (let n = rng.int(1, 3); n > 0; n -= 1, day += rng.int(20, 40)) {
      actions.push({ day, kind: 'instalment', source: paymentSource(ctx, companyIndex), actor: actor(), percent: rng.int(10, 30) });
    }
  }
  if (rng.chance(0.06)) {
    const pauseDay = registeredDay + rng.int(3, 40);
    actions.push({ day: pauseDay, kind: 'pause', actor: actor() }, { day: pauseDay + rng.int(7, 25), kind: 'resume', actor: actor() });
  }
  const endsBeforeToday = Math.min(payDay, withdrawDay) <= lastDay;
  if (!endsBeforeToday && rng.chance(0.09) && lastDay - 1 > registeredDay + 3) {
    // Paused now: the pause is the last thing that happened, so drop everything planned after it.
    const pauseDay = rng.int(Math.max(registeredDay + 3, lastDay - 45), lastDay);
    const before = actions.filter((action) => action.day < pauseDay && action.kind !== 'pause' && action.kind !== 'resume');
    return [...before.sort((a, b) => a.day - b.day), { day: pauseDay, kind: 'pause', actor: actor() }];
  }
  return actions.filter((action) => action.day <= lastDay).sort((a, b) => a.day - b.day);
}

/** A credit note on the first invoice (a share of it), never more than the open principal less 1 kr. */
async function creditNote(tx: Tx, actors: Actors, plan: CasePlan, action: Extract<Action, { kind: 'credit' }>, at: Date) {
  const [invoice] = plan.invoices;
  const owed = await outstandingByComponent(tx, plan.company.id, plan.id);
  const amountOre = Math.min(Math.round(((invoice?.amountOre ?? 0) * action.percent) / 10_000) * 100, owed.principal - 100);
  if (amountOre <= 0 || !invoice) return;
  await registerPayment(
    tx,
    creditorActor(actors, plan, action.actor),
    {
      caseId: plan.id,
      invoiceId: invoice.id,
      kind: 'credit',
      paidOn: isoFromDay(action.day),
      amountOre,
      currency: 'NOK',
      idempotencyKey: actors.newId(),
      confirmedOverpaymentOre: null,
    },
    at,
    actors.tables,
  );
}

/** Plays `action` at `at` on its day, if the case still allows it (a case paid in full takes nothing more). */
export async function applyAction(tx: Tx, actors: Actors, plan: CasePlan, action: Action, at: Date) {
  const locked = await lockCase(tx, plan.company.id, plan.id);
  if (action.kind === 'pay' || action.kind === 'instalment') {
    if (acceptsPayments(locked.status)) await pay(tx, actors, plan, action, at);
  } else if (action.kind === 'credit') {
    if (acceptsPayments(locked.status)) await creditNote(tx, actors, plan, action, at);
  } else if (isActionAllowed(action.kind, locked.status)) {
    const reason = action.kind === 'withdraw' ? action.reason : undefined;
    await changeCaseStatus(
      tx,
      { userId: action.actor, companyId: plan.company.id, role: 'write' },
      { caseId: plan.id, action: action.kind, expectedStatus: locked.status, reason },
      at,
      actors.tables,
    );
  }
}

import type { Tx } from '@/db/client';
import type { WriteActor } from '@/lib/auth/gate/checks';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import { claimOfLoaded, loadClaimCase } from '@/lib/engine/reconcile';
import { loadTables } from '@/lib/engine/tables';
import type { Tables } from '@/lib/engine/rules';
import { lockCase, sumLedgerOre } from '@/lib/ledger';
import { registerPayment } from '@/lib/payments/mutations';
import type { Action, CasePlan } from '@/lib/demo/context';
import { isoFromDay } from '@/lib/dates';

// Payments on a demo case: most reach the agency by KID (the desk's receipt of a debtor payment), some are paid
// to the creditor and registered by the creditor or by AutoCollect. Each goes through the portal's own mutation,
// which books the interest up to the payment's day, allocates it and closes the case when nothing is left.

/** What the demo's actions need besides their plan: fresh ids, and AutoCollect's API key (Nordlys Elektro AS). */
export type Actors = { newId: () => string; apiKeyId: string; tables?: Tables };

/** Who registers what the creditor received: the user, or AutoCollect in the company connected to it. */
export function creditorActor(actors: Actors, plan: CasePlan, userId: string): WriteActor {
  const companyId = plan.company.id;
  return plan.companyIndex === 1
    ? { userId: null, apiKeyId: actors.apiKeyId, companyId, role: 'write' }
    : { userId, companyId, role: 'write' };
}

type PaymentAction = Extract<Action, { kind: 'pay' | 'instalment' }>;

/** The amount of a payment on its day: the whole balance with interest to the day, or a share of the balance. */
async function amountOf(tx: Tx, actors: Actors, plan: CasePlan, action: PaymentAction): Promise<number> {
  if (action.kind === 'pay') {
    // What the agency tells the debtor is owed today: the claim on the day (the payment itself books it).
    await lockCase(tx, plan.company.id, plan.id);
    const loaded = await loadClaimCase(tx, plan.id, isoFromDay(action.day));
    const claim = loaded ? claimOfLoaded(loaded, isoFromDay(action.day), actors.tables ?? (await loadTables(tx))) : null;
    return claim ? claim.totalOre : sumLedgerOre(tx, plan.company.id, plan.id);
  }
  const balanceOre = await sumLedgerOre(tx, plan.company.id, plan.id);
  const amountOre = Math.round((balanceOre * action.percent) / 10_000) * 100;
  return amountOre >= 10_000 && amountOre < balanceOre ? amountOre : 0;
}

export async function pay(tx: Tx, actors: Actors, plan: CasePlan, action: PaymentAction, at: Date) {
  const amountOre = await amountOf(tx, actors, plan, action);
  if (amountOre <= 0) return;
  const paidOn = isoFromDay(action.day);
  if (action.source === 'agency') {
    const bankReference = `DEMO-${plan.kid}-${action.day}-${action.kind}`;
    await receiveDebtorPayment(
      tx,
      null,
      { paidOn, kid: plan.kid, amountOre, payer: String(plan.debtor.name), bankReference },
      'seed',
      at,
      actors.tables,
    );
    return;
  }
  const [invoice] = plan.invoices;
  await registerPayment(
    tx,
    creditorActor(actors, plan, action.actor),
    {
      caseId: plan.id,
      invoiceId: invoice?.id,
      kind: 'payment',
      paidOn,
      amountOre,
      currency: 'NOK',
      idempotencyKey: actors.newId(),
      confirmedOverpaymentOre: null,
    },
    at,
    actors.tables,
  );
}

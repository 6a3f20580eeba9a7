import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import type { Database } from '@/db/client';
import { cases, onlinePayments, paymentCallbacks } from '@/db/schema';
import { claimToday } from '@/lib/cases/claim-today';
import { todayInOslo } from '@/lib/dates';
import { receiveDebtorPayment } from '@/lib/debtor-payments/mutations';
import type { Tables } from '@/lib/engine/rules';
import { DomainError } from '@/lib/errors';
import type { PaymentProviderName, ProviderOutcome } from './provider';

/** The case a debtor acts on, as the gate resolved it (requireDebtorCase). */
export type DebtorCaseScope = { companyId: string; caseId: string };

export type StartedPayment = {
  id: string;
  reference: string;
  amountOre: number;
  caseNumber: number;
  redirectUrl: string | null;
  fresh: boolean;
};

/**
 * Records a payment the debtor starts in Min side, before the provider is asked (no network in the transaction).
 * The same idempotency key from the same form returns the payment already started, so a double submit pays once.
 */
export async function startOnlinePayment(
  tx: Tx,
  scope: DebtorCaseScope,
  input: { amountOre: number; idempotencyKey: string },
  provider: PaymentProviderName,
  now = new Date(),
): Promise<StartedPayment> {
  const [debtCase] = await tx
    .select({ id: cases.id, status: cases.status, balanceOre: cases.balanceOre, caseNumber: cases.caseNumber })
    .from(cases)
    .where(and(eq(cases.id, scope.caseId), eq(cases.companyId, scope.companyId)))
    .for('update');
  if (!debtCase) throw new DomainError('cases.errors.notFound');
  const [existing] = await tx
    .select()
    .from(onlinePayments)
    .where(and(eq(onlinePayments.caseId, debtCase.id), eq(onlinePayments.idempotencyKey, input.idempotencyKey)));
  if (existing)
    return {
      id: existing.id,
      reference: existing.reference,
      amountOre: existing.amountOre,
      caseNumber: debtCase.caseNumber,
      redirectUrl: existing.redirectUrl,
      fresh: false,
    };
  if (debtCase.status !== 'active' && debtCase.status !== 'paused') throw new DomainError('debtorActions.pay.errors.caseNotOpen');
  // Today's claim (interest to today included), the figure the page offers: not only what is booked.
  const owed = (await claimToday(tx, scope.companyId, debtCase.id, todayInOslo(now))).totalOre;
  if (owed <= 0) throw new DomainError('debtorActions.pay.errors.nothingOwed');
  if (input.amountOre > owed) throw new DomainError('debtorActions.pay.errors.moreThanOwed');
  const reference = `case-${debtCase.caseNumber}-${randomBytes(9).toString('base64url')}`;
  const [row] = await tx
    .insert(onlinePayments)
    .values({
      companyId: scope.companyId,
      caseId: debtCase.id,
      provider,
      reference,
      idempotencyKey: input.idempotencyKey,
      amountOre: input.amountOre,
      createdAt: now,
    })
    .returning({ id: onlinePayments.id });
  if (!row) throw new Error('online payment insert returned nothing');
  return { id: row.id, reference, amountOre: input.amountOre, caseNumber: debtCase.caseNumber, redirectUrl: null, fresh: true };
}

/** The provider's page address, stored after the provider answered (outside the first transaction). */
export async function rememberRedirect(db: Database, paymentId: string, redirectUrl: string) {
  await db.update(onlinePayments).set({ redirectUrl }).where(eq(onlinePayments.id, paymentId));
}

export type ProviderEvent = {
  provider: PaymentProviderName;
  reference: string;
  /** The provider's event name (AUTHORIZED, ABORTED, …); with the reference it names the event for replays. */
  eventName: string;
  outcome: ProviderOutcome;
  /** What the provider says was paid; an approval for another amount is refused. */
  amountOre?: number;
};

export type SettleResult =
  'booked' | 'declined' | 'abandoned' | 'replay' | 'alreadyDecided' | 'ignored' | 'unknownReference' | 'amountMismatch';

/**
 * Applies one verified provider event: the event is recorded once (a replay changes nothing), an approval books the
 * amount as a debtor payment by the case's KID — the same allocation as a bank payment, bank reference
 * `<provider>:<reference>`, so it is booked at most once — and a decline or expiry books nothing.
 */
export async function settleOnlinePayment(db: Database, event: ProviderEvent, now = new Date(), tables?: Tables): Promise<SettleResult> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(onlinePayments)
      .where(and(eq(onlinePayments.reference, event.reference), eq(onlinePayments.provider, event.provider)))
      .for('update');
    if (!payment) return 'unknownReference';
    if (event.outcome === 'ignored') return 'ignored';
    const [fresh] = await tx
      .insert(paymentCallbacks)
      .values({
        provider: event.provider,
        eventKey: `${event.reference}:${event.eventName}`,
        reference: event.reference,
        eventName: event.eventName,
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: paymentCallbacks.id });
    if (!fresh) return 'replay';
    if (payment.status !== 'pending') return 'alreadyDecided';
    if (event.outcome !== 'approved') {
      await tx.update(onlinePayments).set({ status: event.outcome, decidedAt: now }).where(eq(onlinePayments.id, payment.id));
      return event.outcome;
    }
    if (event.amountOre !== undefined && event.amountOre !== payment.amountOre) return 'amountMismatch';
    const [debtCase] = await tx.select({ kid: cases.kid }).from(cases).where(eq(cases.id, payment.caseId));
    if (!debtCase) throw new Error('online payment without its case');
    const received = await receiveDebtorPayment(
      tx,
      null,
      {
        paidOn: todayInOslo(now),
        kid: debtCase.kid,
        amountOre: payment.amountOre,
        payer: event.provider === 'vipps' ? 'Vipps MobilePay' : 'Min side',
        bankReference: `${event.provider}:${payment.reference}`,
      },
      'online',
      now,
      tables,
    );
    await tx
      .update(onlinePayments)
      .set({ status: 'approved', decidedAt: now, debtorPaymentId: received.paymentId || null })
      .where(eq(onlinePayments.id, payment.id));
    return 'booked';
  });
}

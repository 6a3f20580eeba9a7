import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies, invoices } from '@/db/schema';
import { assertActorRole, eventActorOf, type WriteActor } from '@/lib/auth/gate/checks';
import { findByIdempotencyKey, lockCase, postEntries, sumLedgerOre } from '@/lib/ledger';
import { acceptsPayments } from '@/lib/cases/status-rules';
import { bookInterestBefore } from '@/lib/engine/accrual';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import type { CaseEvent } from '@/lib/events/types';
import { closePaidCase } from './close';
import type { RegisterPaymentInput } from './schemas';

export type RegisterPaymentResult = { outcome: 'registered' | 'duplicate'; caseClosed: boolean; balanceOre: number };

async function findInvoice(tx: Tx, companyId: string, caseId: string, invoiceId: string | undefined) {
  const rows = await tx
    .select({ id: invoices.id, invoiceNumber: invoices.invoiceNumber, issuedOn: invoices.issuedOn })
    .from(invoices)
    .where(and(eq(invoices.companyId, companyId), eq(invoices.caseId, caseId)));
  if (invoiceId === undefined) {
    if (rows.length > 0) throw new DomainError('payments.errors.invoiceRequired');
    return null;
  }
  const invoice = rows.find((row) => row.id === invoiceId);
  if (!invoice) throw new DomainError('payments.errors.invoiceNotFound');
  return invoice;
}

async function refuseAutocollect(tx: Tx, companyId: string) {
  const [company] = await tx.select({ autocollect: companies.autocollectEnabled }).from(companies).where(eq(companies.id, companyId));
  // AutoCollect keeps payments and credit notes in sync from the accounting system; by hand they would count twice.
  if (company?.autocollect) throw new DomainError('payments.errors.autocollect');
}

function ledgerKind(input: RegisterPaymentInput) {
  return input.kind === 'credit' ? ('credit_note' as const) : ('payment' as const);
}

function registrationEvent(caseId: string, input: RegisterPaymentInput, invoiceNumber: string | null, source: 'creditor' | 'autocollect'): CaseEvent {
  const common = { amountOre: input.amountOre, currency: input.currency, invoiceNumber };
  return input.kind === 'credit'
    ? { type: 'credit_note.registered', caseId, data: { ...common, creditedOn: input.paidOn } }
    : { type: 'payment.registered', caseId, data: { ...common, paidOn: input.paidOn, source } };
}

/**
 * Registers a payment or a credit note the creditor received directly: a negative ledger row, the cached balance,
 * the history event, and closing the case when nothing is left — all in the caller's transaction. The same
 * idempotency key twice (double submit, two tabs, a retry) books once; the second call reports 'duplicate'.
 */
export async function registerPayment(tx: Tx, actor: WriteActor, input: RegisterPaymentInput, now = new Date()): Promise<RegisterPaymentResult> {
  assertActorRole(actor, 'write');
  const debtCase = await lockCase(tx, actor.companyId, input.caseId);
  // Checked after the lock: a concurrent submit with the same key has committed (or rolled back) by now. The same
  // key for another case, kind or amount is no double submit but a tampered or confused form: refused.
  const earlier = await findByIdempotencyKey(tx, actor.companyId, input.idempotencyKey);
  if (earlier) {
    const sameEntry = earlier.caseId === debtCase.id && earlier.kind === ledgerKind(input) && earlier.amountOre === -input.amountOre;
    if (!sameEntry) throw new DomainError('payments.errors.idempotencyMismatch');
    return { outcome: 'duplicate', caseClosed: false, balanceOre: await sumLedgerOre(tx, actor.companyId, debtCase.id) };
  }
  // A user may not (the accounting system sends them); AutoCollect itself (an API key) is exactly that sync.
  if (actor.userId !== null) await refuseAutocollect(tx, actor.companyId);
  if (!acceptsPayments(debtCase.status)) throw new DomainError(debtCase.status === 'withdrawn' ? 'payments.errors.caseWithdrawn' : 'payments.errors.caseClosed');
  if (input.currency !== debtCase.currency) throw new DomainError('payments.errors.currency');
  const invoice = await findInvoice(tx, actor.companyId, debtCase.id, input.invoiceId);
  if (invoice && input.paidOn < invoice.issuedOn) throw new DomainError('payments.errors.dateBeforeInvoice');

  // The interest run up to the payment's date is booked first (cases the collection engine has started).
  await bookInterestBefore(tx, debtCase, input.paidOn);
  const outstandingOre = await sumLedgerOre(tx, actor.companyId, debtCase.id);
  // More than is owed only after the explicit confirmation step, for exactly this amount.
  if (input.amountOre > outstandingOre && input.confirmedOverpaymentOre !== input.amountOre) throw new DomainError('payments.errors.overpayment');

  const balanceOre = await postEntries(tx, debtCase, [
    {
      kind: ledgerKind(input),
      amountOre: -input.amountOre,
      currency: input.currency,
      bookedOn: input.paidOn,
      invoiceId: invoice?.id ?? null,
      createdByUserId: actor.userId,
      idempotencyKey: input.idempotencyKey,
    },
  ]);
  const source = actor.userId === null ? 'autocollect' : 'creditor';
  await recordEvent(tx, eventActorOf(actor), registrationEvent(debtCase.id, input, invoice?.invoiceNumber ?? null, source), now);
  const caseClosed = balanceOre <= 0;
  if (caseClosed) await closePaidCase(tx, eventActorOf(actor), debtCase.id, debtCase.stage, now);
  return { outcome: 'registered', caseClosed, balanceOre };
}

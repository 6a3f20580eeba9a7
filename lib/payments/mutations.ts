import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { cases, companies, invoices, ledgerEntries } from '@/db/schema';
import { assertActorRole, type Actor } from '@/lib/auth/gate/checks';
import { lockCase, refreshCaseBalance, sumLedgerOre } from '@/lib/cases/mutations';
import { acceptsPayments } from '@/lib/cases/status-rules';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import type { CaseEvent } from '@/lib/events/types';
import type { RegisterPaymentInput } from './schemas';

export type RegisterPaymentResult = { outcome: 'registered' | 'duplicate'; caseClosed: boolean; balanceOre: number };

async function findByIdempotencyKey(tx: Tx, companyId: string, key: string) {
  const [row] = await tx
    .select({ id: ledgerEntries.id })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.companyId, companyId), eq(ledgerEntries.idempotencyKey, key)));
  return row ?? null;
}

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

async function closePaidCase(tx: Tx, actor: Actor, caseId: string, fromStage: string, paidAt: Date) {
  await tx
    .update(cases)
    .set({ status: 'closed', stage: 'closed', closedAt: paidAt, updatedAt: paidAt })
    .where(and(eq(cases.companyId, actor.companyId), eq(cases.id, caseId)));
  const eventActor = { userId: actor.userId, companyId: actor.companyId };
  // A millisecond apart, so the history lists payment → stage change → closed in that order, never tied.
  await recordEvent(tx, eventActor, { type: 'case.stage_changed', caseId, data: { from: fromStage, to: 'closed' } }, new Date(paidAt.getTime() + 1));
  await recordEvent(tx, eventActor, { type: 'case.closed', caseId, data: { reason: 'paid' } }, new Date(paidAt.getTime() + 2));
}

function registrationEvent(caseId: string, input: RegisterPaymentInput, invoiceNumber: string | null): CaseEvent {
  const common = { amountOre: input.amountOre, currency: input.currency, invoiceNumber };
  return input.kind === 'credit'
    ? { type: 'credit_note.registered', caseId, data: { ...common, creditedOn: input.paidOn } }
    : { type: 'payment.registered', caseId, data: { ...common, paidOn: input.paidOn, source: 'creditor' } };
}

/**
 * Registers a payment or a credit note the creditor received directly: a negative ledger row, the cached balance,
 * the history event, and closing the case when nothing is left — all in the caller's transaction. The same
 * idempotency key twice (double submit, two tabs, a retry) books once; the second call reports 'duplicate'.
 */
export async function registerPayment(tx: Tx, actor: Actor, input: RegisterPaymentInput): Promise<RegisterPaymentResult> {
  assertActorRole(actor, 'write');
  const debtCase = await lockCase(tx, actor.companyId, input.caseId);
  // Checked after the lock: a concurrent submit with the same key has committed (or rolled back) by now.
  if (await findByIdempotencyKey(tx, actor.companyId, input.idempotencyKey)) {
    return { outcome: 'duplicate', caseClosed: false, balanceOre: await sumLedgerOre(tx, actor.companyId, debtCase.id) };
  }
  await refuseAutocollect(tx, actor.companyId);
  if (!acceptsPayments(debtCase.status)) throw new DomainError(debtCase.status === 'withdrawn' ? 'payments.errors.caseWithdrawn' : 'payments.errors.caseClosed');
  if (input.currency !== debtCase.currency) throw new DomainError('payments.errors.currency');
  const invoice = await findInvoice(tx, actor.companyId, debtCase.id, input.invoiceId);
  if (invoice && input.paidOn < invoice.issuedOn) throw new DomainError('payments.errors.dateBeforeInvoice');

  const outstandingOre = await sumLedgerOre(tx, actor.companyId, debtCase.id);
  if (input.amountOre > outstandingOre && !input.allowOverpayment) throw new DomainError('payments.errors.overpayment');

  await tx.insert(ledgerEntries).values({
    companyId: actor.companyId,
    caseId: debtCase.id,
    invoiceId: invoice?.id ?? null,
    kind: input.kind === 'credit' ? 'credit_note' : 'payment',
    amountOre: -input.amountOre,
    currency: input.currency,
    bookedOn: input.paidOn,
    createdByUserId: actor.userId,
    idempotencyKey: input.idempotencyKey,
  });
  const balanceOre = await refreshCaseBalance(tx, actor.companyId, debtCase.id);
  const registeredAt = new Date();
  await recordEvent(tx, { userId: actor.userId, companyId: actor.companyId }, registrationEvent(debtCase.id, input, invoice?.invoiceNumber ?? null), registeredAt);
  const caseClosed = balanceOre <= 0;
  if (caseClosed) await closePaidCase(tx, actor, debtCase.id, debtCase.stage, registeredAt);
  return { outcome: 'registered', caseClosed, balanceOre };
}

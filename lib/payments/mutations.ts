import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { companies, invoices } from '@/db/schema';
import { assertActorRole, eventActorOf, type WriteActor } from '@/lib/auth/gate/checks';
import { findByIdempotencyKey, lockCase, postEntries, sumLedgerOre } from '@/lib/ledger';
import { acceptsPayments } from '@/lib/cases/status-rules';
import { claimOfLoaded, loadClaimCase, reconcileLoaded } from '@/lib/engine/reconcile';
import { loadTables } from '@/lib/engine/tables';
import type { Tables } from '@/lib/engine/rules';
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

function registrationEvent(
  caseId: string,
  input: RegisterPaymentInput,
  invoiceNumber: string | null,
  source: 'creditor' | 'autocollect',
): CaseEvent {
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
export async function registerPayment(
  tx: Tx,
  actor: WriteActor,
  input: RegisterPaymentInput,
  now = new Date(),
  tables?: Tables,
): Promise<RegisterPaymentResult> {
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
  if (!acceptsPayments(debtCase.status))
    throw new DomainError(debtCase.status === 'withdrawn' ? 'payments.errors.caseWithdrawn' : 'payments.errors.caseClosed');
  if (input.currency !== debtCase.currency) throw new DomainError('payments.errors.currency');
  const invoice = await findInvoice(tx, actor.companyId, debtCase.id, input.invoiceId);
  if (invoice && input.paidOn < invoice.issuedOn) throw new DomainError('payments.errors.dateBeforeInvoice');

  // What is owed on the payment's date, by the claim (cases the collection engine has started), else by the ledger.
  const loaded = await loadClaimCase(tx, debtCase.id, input.paidOn);
  const claimTables = loaded ? (tables ?? (await loadTables(tx))) : null;
  const before = loaded && claimTables ? claimOfLoaded(loaded, input.paidOn, claimTables) : null;
  const outstandingOre = before ? before.totalOre : await sumLedgerOre(tx, actor.companyId, debtCase.id);
  // More than is owed only after the explicit confirmation step, for exactly this amount.
  if (input.amountOre > outstandingOre && input.confirmedOverpaymentOre !== input.amountOre)
    throw new DomainError('payments.errors.overpayment');

  let balanceOre = await postEntries(tx, debtCase, [
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
  // From its value date: a payment dated back takes back the interest and fees the claim no longer carries.
  if (loaded && claimTables) {
    const registered = {
      id: 'registered',
      source: input.kind === 'credit' ? ('credit_note' as const) : ('direct' as const),
      valueOn: input.paidOn,
      amountOre: input.amountOre,
    };
    const withPayment = { ...loaded, snapshot: { ...loaded.snapshot, payments: [...loaded.snapshot.payments, registered] } };
    const claim = await reconcileLoaded(tx, withPayment, input.paidOn, claimTables, { now });
    if (claim) balanceOre = claim.totalOre;
  }
  const caseClosed = balanceOre <= 0;
  if (caseClosed) await closePaidCase(tx, eventActorOf(actor), debtCase.id, debtCase.stage, now);
  return { outcome: 'registered', caseClosed, balanceOre };
}

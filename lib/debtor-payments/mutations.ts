import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { cases, companies, debtorPayments } from '@/db/schema';
import type { StaffActor } from '@/lib/auth/gate/checks';
import { allocatePayment } from '@/lib/allocation/allocate';
import { orderForStage, type Stage } from '@/lib/allocation/order';
import { reconcileCase } from '@/lib/engine/reconcile';
import type { Tables } from '@/lib/engine/rules';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { lockCase, outstandingByComponent, postEntries, sumLedgerOre, type LedgerPosting, type LockedCase } from '@/lib/ledger';
import type { PaymentComponent, Split } from '@/lib/ledger/components';
import { closePaidCase } from '@/lib/payments/close';

export type { IncomingPayment } from './parsed';
import type { IncomingPayment } from './parsed';
export type UnmatchedReason = 'unknownKid' | 'ambiguousKid' | 'caseNotOpen';
export type ReceiveResult =
  | { outcome: 'allocated'; paymentId: string; caseId: string; split: Split; caseClosed: boolean }
  | { outcome: 'unmatched'; paymentId: string; reason: UnmatchedReason }
  | { outcome: 'duplicate'; paymentId: string };

type Source = 'desk' | 'csv' | 'ocr' | 'seed' | 'online';

const OPEN_STATUSES = ['active', 'paused'] as const;

/** The one open case a KID points at; a KID on no case, on several, or only on ended cases is not matched. */
async function matchByKid(tx: Tx, kid: string): Promise<{ caseId: string; companyId: string } | UnmatchedReason> {
  const found = await tx
    .select({ id: cases.id, companyId: cases.companyId, status: cases.status })
    .from(cases)
    .where(eq(cases.kid, kid))
    .limit(3);
  if (found.length === 0) return 'unknownKid';
  const open = found.filter((row) => (OPEN_STATUSES as readonly string[]).includes(row.status));
  if (open.length === 0) return 'caseNotOpen';
  if (open.length > 1) return 'ambiguousKid';
  return { caseId: open[0]!.id, companyId: open[0]!.companyId };
}

/**
 * Allocates a stored debtor payment to a case: lock the case, split the amount in the stage's agreed order (from its
 * value date, by the claim: lib/engine/rules/claim.ts), post one ledger row per covered component (the split is the
 * ledger), store the split on the payment, record the history, and close the case when nothing is left. A payment
 * dated back takes back what the claim no longer carries (interest after it, a fee it came in time for).
 */
async function allocateToCase(
  tx: Tx,
  staff: StaffActor | null,
  paymentId: string,
  target: { caseId: string; companyId: string },
  paidAt: Date,
  tables?: Tables,
) {
  const locked = await lockCase(tx, target.companyId, target.caseId);
  if (!(OPEN_STATUSES as readonly string[]).includes(locked.status)) throw new DomainError('debtorPayments.errors.caseNotOpen');
  const [payment] = await tx.select().from(debtorPayments).where(eq(debtorPayments.id, paymentId)).for('update');
  if (!payment) throw new DomainError('debtorPayments.errors.notFound');
  if (payment.status !== 'unmatched') throw new DomainError('debtorPayments.errors.alreadyAllocated');
  await tx
    .update(debtorPayments)
    .set({ companyId: locked.companyId, caseId: locked.id, status: 'allocated', unmatchedReason: null, allocatedAt: paidAt })
    .where(eq(debtorPayments.id, payment.id));
  const eventActor = { userId: staff?.userId ?? null, companyId: locked.companyId };
  await recordEvent(
    tx,
    eventActor,
    {
      type: 'payment.registered',
      caseId: locked.id,
      data: { amountOre: payment.amountOre, paidOn: payment.paidOn, currency: locked.currency, invoiceNumber: null, source: 'agency' },
    },
    paidAt,
  );
  const claim = await reconcileCase(tx, locked.id, payment.paidOn, { tables, paymentId: payment.id, now: paidAt });
  const split = claim?.allocations.get(payment.id) ?? (await allocateWithoutClaim(tx, locked, payment));
  const balanceOre = claim ? claim.totalOre : await sumLedgerOre(tx, locked.companyId, locked.id);
  const caseClosed = balanceOre <= 0;
  if (caseClosed) await closePaidCase(tx, eventActor, locked.id, locked.stage, paidAt);
  return { split, caseClosed };
}

/** A case the engine has not started (or whose claim a missing rate stops): the split of what the ledger holds now. */
async function allocateWithoutClaim(
  tx: Tx,
  locked: LockedCase,
  payment: { id: string; amountOre: number; paidOn: string },
): Promise<Split> {
  const [company] = await tx.select({ order: companies.allocationOrder }).from(companies).where(eq(companies.id, locked.companyId));
  const owed = await outstandingByComponent(tx, locked.companyId, locked.id);
  const split = allocatePayment(payment.amountOre, owed, orderForStage(locked.stage as Stage, company?.order));
  const postings: LedgerPosting[] = (['fee', 'interest', 'principal', 'credit'] as PaymentComponent[])
    .filter((component) => split[component] > 0)
    .map((component) => ({
      kind: 'payment',
      amountOre: -split[component],
      bookedOn: payment.paidOn,
      covers: component,
      debtorPaymentId: payment.id,
    }));
  await postEntries(tx, locked, postings);
  await tx
    .update(debtorPayments)
    .set({ principalOre: split.principal, interestOre: split.interest, feeOre: split.fee, creditOre: split.credit })
    .where(eq(debtorPayments.id, payment.id));
  return split;
}

/**
 * Receives one debtor payment (desk form, bank file, seed): stores it, matches it by KID and allocates it, or
 * leaves it in the unmatched list. The bank reference is unique, so the same payment imported twice books once.
 */
export async function receiveDebtorPayment(
  tx: Tx,
  staff: StaffActor | null,
  input: IncomingPayment,
  source: Source,
  now = new Date(),
  tables?: Tables,
): Promise<ReceiveResult> {
  const [inserted] = await tx
    .insert(debtorPayments)
    .values({ ...input, status: 'unmatched', source, registeredByUserId: staff?.userId ?? null, createdAt: now })
    .onConflictDoNothing({ target: debtorPayments.bankReference })
    .returning({ id: debtorPayments.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: debtorPayments.id })
      .from(debtorPayments)
      .where(eq(debtorPayments.bankReference, input.bankReference));
    return { outcome: 'duplicate', paymentId: existing?.id ?? '' };
  }
  const match = await matchByKid(tx, input.kid);
  if (typeof match === 'string') {
    await tx.update(debtorPayments).set({ unmatchedReason: match }).where(eq(debtorPayments.id, inserted.id));
    return { outcome: 'unmatched', paymentId: inserted.id, reason: match };
  }
  const { split, caseClosed } = await allocateToCase(tx, staff, inserted.id, match, now, tables);
  return { outcome: 'allocated', paymentId: inserted.id, caseId: match.caseId, split, caseClosed };
}

/** A case handler assigns an unmatched payment to a case by its case number; the payment is then allocated. */
export async function assignDebtorPayment(tx: Tx, staff: StaffActor, input: { paymentId: string; caseNumber: number }, now = new Date()) {
  const [target] = await tx
    .select({ caseId: cases.id, companyId: cases.companyId })
    .from(cases)
    .where(and(eq(cases.caseNumber, input.caseNumber), inArray(cases.status, [...OPEN_STATUSES])));
  if (!target) throw new DomainError('debtorPayments.errors.caseNotFound');
  return allocateToCase(tx, staff, input.paymentId, target, now);
}

import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '@/db/client';
import { invoices } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { CHANGED_TO_KEYS, type StatusAction } from '@/lib/cases/status-rules';
import { DomainError } from '@/lib/errors';
import { registerPayment } from '@/lib/payments/mutations';
import type { ApiPrincipal } from './auth';
import type { creditNoteRequest, paymentRequest } from './contract';
import { ApiProblem, notFound } from './problem';
import { findCaseByNumber, getCaseById } from './reads';
import type { ApiAnswer } from './idempotency';

type PaymentBody = z.output<typeof paymentRequest>;
type CreditBody = z.output<typeof creditNoteRequest>;

function invalidField(path: string, message: string) {
  return new ApiProblem(422, 'validation', 'The request body is not valid.', undefined, { errors: [{ path, message }] });
}

/**
 * POST /payments and /credit-notes: the invoice number names the case; the booking is the portal's own
 * (lib/payments, through the ledger). The accounting system reports what happened, so an amount above what is
 * owed is booked (it leaves a credit on the case) instead of waiting for a confirmation nobody can give.
 */
export async function registerApiPayment(
  tx: Tx,
  principal: ApiPrincipal,
  kind: 'payment' | 'credit',
  body: PaymentBody | CreditBody,
  idempotencyKey: string,
): Promise<ApiAnswer> {
  const paidOn = 'paidOn' in body ? body.paidOn : body.creditedOn;
  const dateField = 'paidOn' in body ? 'paidOn' : 'creditedOn';
  if (paidOn > todayInOslo()) throw invalidField(dateField, 'The date is in the future.');
  const [invoice] = await tx
    .select({ id: invoices.id, caseId: invoices.caseId, currency: invoices.currency })
    .from(invoices)
    .where(and(eq(invoices.companyId, principal.companyId), eq(invoices.invoiceNumber, body.invoiceNumber)));
  if (!invoice) throw notFound('The invoice');
  const result = await registerPayment(tx, principal, {
    caseId: invoice.caseId,
    invoiceId: invoice.id,
    kind,
    paidOn,
    currency: body.currency ?? invoice.currency,
    amountOre: body.amountOre,
    confirmedOverpaymentOre: body.amountOre,
    idempotencyKey: `api:${kind}:${idempotencyKey}`,
  });
  const summary = await getCaseById(tx, principal.companyId, invoice.caseId);
  if (!summary) throw notFound('The case');
  return {
    status: 201,
    body: { caseNumber: summary.caseNumber, status: summary.status, balanceOre: result.balanceOre, caseClosed: result.caseClosed },
  };
}

/** POST /cases/{caseNumber}/pause|resume|withdraw, with the Behandle menu's rules; a transition it forbids → 409. */
export async function changeApiCaseStatus(
  tx: Tx,
  principal: ApiPrincipal,
  caseNumber: number,
  action: StatusAction,
  reason?: string,
): Promise<ApiAnswer> {
  const found = await findCaseByNumber(tx, principal.companyId, caseNumber);
  if (!found) throw notFound('The case');
  try {
    await changeCaseStatus(tx, principal, { caseId: found.id, action, expectedStatus: found.summary.status, reason });
  } catch (error) {
    if (error instanceof DomainError && (Object.values(CHANGED_TO_KEYS) as string[]).includes(error.messageKey)) {
      throw new ApiProblem(
        409,
        'invalid-transition',
        `A ${found.summary.status} case cannot be ${action === 'pause' ? 'paused' : action === 'resume' ? 'resumed' : 'withdrawn'}.`,
        undefined,
        { status: 409, caseStatus: found.summary.status },
      );
    }
    throw error;
  }
  const summary = await getCaseById(tx, principal.companyId, found.id);
  return { status: 200, body: summary };
}

export function parseCaseNumber(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound('The case');
  return Number(raw);
}

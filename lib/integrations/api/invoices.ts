import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db/client';
import { invoiceDrafts, invoices } from '@/db/schema';
import { draftCustomerSchema, draftInvoiceSchema } from '@/lib/invoices/schemas';
import { registerInvoiceDraft } from '@/lib/invoices/registration';
import type { ApiPrincipal } from './auth';
import type { createInvoiceRequest } from './contract';
import { ApiProblem, englishMessage, validationProblem } from './problem';
import { getCaseById } from './reads';

type CreateInvoiceBody = z.output<typeof createInvoiceRequest>;

/** The request through the manual wizard's own rules (check digits, postcodes, dates), with the body's paths. */
function wizardRules(body: CreateInvoiceBody) {
  const customer = draftCustomerSchema.safeParse({
    ...body.customer,
    nationalId: body.customer.nationalId ?? null,
    organisationNumber: body.customer.organisationNumber ?? null,
    email: body.customer.email ?? null,
    phone: body.customer.phone ?? null,
  });
  if (!customer.success) throw validationProblem(customer.error, ['customer']);
  const invoice = draftInvoiceSchema.safeParse({ ...body.invoice, description: body.invoice.description ?? null });
  if (!invoice.success) throw validationProblem(invoice.error, ['invoice']);
  return { customer: customer.data, invoice: invoice.data };
}

export type InvoiceAnswer = { status: 200 | 201; caseId: string };

/**
 * POST /api/v1/invoices: hands an overdue invoice to collection through the registration job's own work
 * (lib/invoices/registration.ts), run at once in the request. Idempotent on (company, invoice number): under an
 * advisory lock on the number, an invoice already registered answers with its case (200) and creates nothing.
 * If the process dies after the draft is saved, the registration sweep finishes it.
 */
export async function submitApiInvoice(db: Database, principal: ApiPrincipal, body: CreateInvoiceBody): Promise<InvoiceAnswer> {
  const checked = wizardRules(body);
  const number = checked.invoice.invoiceNumber;
  const step = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api-invoice:${principal.companyId}:${number}`}))`);
    const [existing] = await tx
      .select({ caseId: invoices.caseId })
      .from(invoices)
      .where(and(eq(invoices.companyId, principal.companyId), eq(invoices.invoiceNumber, number)));
    if (existing) return { done: existing.caseId, draftId: null } as const;
    // An earlier AutoCollect draft for the number (its registration failed, or was cut short): reuse it.
    const [draft] = await tx
      .select({ id: invoiceDrafts.id, status: invoiceDrafts.status, caseId: invoiceDrafts.caseId })
      .from(invoiceDrafts)
      .where(
        and(
          eq(invoiceDrafts.companyId, principal.companyId),
          isNotNull(invoiceDrafts.apiKeyId),
          sql`${invoiceDrafts.invoice}->>'invoiceNumber' = ${number}`,
        ),
      )
      .limit(1)
      .for('update');
    const now = new Date();
    const fields = {
      customer: checked.customer,
      invoice: checked.invoice,
      status: 'submitted' as const,
      submittedAt: now,
      updatedAt: now,
      failureKey: null,
      failureData: null,
    };
    if (draft?.caseId) return { done: draft.caseId, draftId: null } as const;
    // On its way (a parallel call's registration is running): wait for it below, on the draft's row lock.
    if (draft?.status === 'submitted') return { done: null, draftId: draft.id } as const;
    if (draft) {
      await tx
        .update(invoiceDrafts)
        .set({ ...fields, apiKeyId: principal.apiKeyId })
        .where(eq(invoiceDrafts.id, draft.id));
      return { done: null, draftId: draft.id } as const;
    }
    const [created] = await tx
      .insert(invoiceDrafts)
      .values({ companyId: principal.companyId, userId: null, apiKeyId: principal.apiKeyId, ...fields })
      .returning({ id: invoiceDrafts.id });
    if (!created) throw new Error('draft insert returned nothing');
    return { done: null, draftId: created.id } as const;
  });
  if (step.done !== null) return { status: 200, caseId: step.done };
  const outcome = await registerInvoiceDraft(db, step.draftId);
  if (outcome.outcome === 'registered') return { status: 201, caseId: outcome.caseId };
  if (outcome.outcome === 'failed') {
    throw new ApiProblem(422, 'refused', 'The invoice was refused.', englishMessage(outcome.messageKey), { code: outcome.messageKey });
  }
  // Skipped: a parallel call registered the same draft first.
  const [draft] = await db.select({ caseId: invoiceDrafts.caseId }).from(invoiceDrafts).where(eq(invoiceDrafts.id, step.draftId));
  if (!draft?.caseId) throw new ApiProblem(409, 'in-progress', 'The invoice is being registered; repeat the call.');
  return { status: 200, caseId: draft.caseId };
}

export async function invoiceAnswerBody(db: Database, principal: ApiPrincipal, answer: InvoiceAnswer) {
  const summary = await getCaseById(db, principal.companyId, answer.caseId);
  if (!summary) throw new Error('registered case not found');
  return summary;
}

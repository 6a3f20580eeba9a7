import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { apiKeys, cases, companies, invoiceDrafts, invoices } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/** A refusal that names something (the case that already has the invoice number) in its message. */
export class InvoiceRefusal extends DomainError {
  constructor(
    messageKey: string,
    readonly values: Record<string, string> = {},
    readonly field?: string,
  ) {
    super(messageKey);
    this.name = 'InvoiceRefusal';
  }
}

/** AutoCollect companies send their invoices from the accounting system; the portal registers none by hand. */
export async function assertManualInvoicesAllowed(tx: Executor, companyId: string) {
  const [company] = await tx.select({ autocollect: companies.autocollectEnabled }).from(companies).where(eq(companies.id, companyId));
  if (!company) throw new InvoiceRefusal('invoices.errors.companyRequired');
  if (company.autocollect) throw new InvoiceRefusal('invoices.errors.autocollect');
}

/** AutoCollect's drafts: registered only while the key is live and the company connected (AutoCollect on). */
export async function assertApiKeyMayRegister(tx: Executor, companyId: string, apiKeyId: string) {
  const [row] = await tx
    .select({ revokedAt: apiKeys.revokedAt, autocollect: companies.autocollectEnabled })
    .from(apiKeys)
    .innerJoin(companies, eq(companies.id, apiKeys.companyId))
    .where(and(eq(apiKeys.id, apiKeyId), eq(apiKeys.companyId, companyId)));
  if (!row || row.revokedAt || !row.autocollect) throw new InvoiceRefusal('invoices.errors.jobNotAllowed');
}

/**
 * Invoice numbers are unique per company: a registered invoice (named by its case number) or another draft
 * already on its way with the same number (form only) refuses this one. The unique index is the last word under races.
 */
export async function assertInvoiceNumberFree(
  tx: Executor,
  companyId: string,
  invoiceNumber: string,
  draftId: string,
  options = { pending: true },
) {
  const [existing] = await tx
    .select({ caseNumber: cases.caseNumber })
    .from(invoices)
    .innerJoin(cases, eq(cases.id, invoices.caseId))
    .where(and(eq(invoices.companyId, companyId), eq(invoices.invoiceNumber, invoiceNumber)));
  if (existing) {
    throw new InvoiceRefusal(
      'invoices.errors.duplicateNumber',
      { caseNumber: String(existing.caseNumber), invoiceNumber },
      'invoiceNumber',
    );
  }
  // The job skips this: of two drafts racing with one number, the unique index lets the first through.
  if (!options.pending) return;
  const [pending] = await tx
    .select({ id: invoiceDrafts.id })
    .from(invoiceDrafts)
    .where(
      and(
        eq(invoiceDrafts.companyId, companyId),
        eq(invoiceDrafts.status, 'submitted'),
        ne(invoiceDrafts.id, draftId),
        sql`${invoiceDrafts.invoice}->>'invoiceNumber' = ${invoiceNumber}`,
      ),
    )
    .limit(1);
  if (pending) throw new InvoiceRefusal('invoices.errors.duplicatePending', { invoiceNumber }, 'invoiceNumber');
}

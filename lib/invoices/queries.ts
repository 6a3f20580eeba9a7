import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { db } from '@/db';
import { companies, debtors, invoiceAttachments, invoiceDrafts, invoices, users } from '@/db/schema';
import type { DraftCustomer } from '@/db/schema/invoice-drafts';

/** The companies among `companyIds` and whether AutoCollect sends their invoices (then no manual ones). */
export async function listInvoiceCompanies(companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return db
    .select({ id: companies.id, name: companies.name, autocollectEnabled: companies.autocollectEnabled })
    .from(companies)
    .where(inArray(companies.id, companyIds))
    .orderBy(asc(companies.name));
}

export async function getBetaEnabled(userId: string): Promise<boolean> {
  const [row] = await db.select({ betaEnabled: users.betaEnabled }).from(users).where(eq(users.id, userId));
  return row?.betaEnabled ?? false;
}

/** The company's debtor with this customer number, as step 1's fields (the register is per company). */
export async function getDebtorByCustomerNumber(companyId: string, customerNumber: string): Promise<DraftCustomer | null> {
  const [row] = await db
    .select()
    .from(debtors)
    .where(and(eq(debtors.companyId, companyId), eq(debtors.customerNumber, customerNumber)));
  if (!row) return null;
  return {
    customerNumber: row.customerNumber,
    kind: row.kind,
    name: row.name,
    nationalId: row.nationalId,
    organisationNumber: row.organisationNumber,
    addressLine: row.addressLine ?? '',
    postcode: row.postcode ?? '',
    city: row.city ?? '',
    countryCode: row.countryCode,
    email: row.email,
    phone: row.phone,
  };
}

/** One of the user's own drafts; another user's id is simply not found. */
export async function getMyDraft(userId: string, draftId: string) {
  const [row] = await db
    .select({
      id: invoiceDrafts.id,
      companyId: invoiceDrafts.companyId,
      status: invoiceDrafts.status,
      customer: invoiceDrafts.customer,
      invoice: invoiceDrafts.invoice,
      failureKey: invoiceDrafts.failureKey,
      failureData: invoiceDrafts.failureData,
      caseId: invoiceDrafts.caseId,
    })
    .from(invoiceDrafts)
    .where(and(eq(invoiceDrafts.id, draftId), eq(invoiceDrafts.userId, userId)));
  if (!row) return null;
  const [attachment] = await db
    .select({ fileName: invoiceAttachments.fileName })
    .from(invoiceAttachments)
    .where(and(eq(invoiceAttachments.companyId, row.companyId), eq(invoiceAttachments.draftId, row.id)));
  return { ...row, attachmentName: attachment?.fileName ?? null };
}

/** The user's invoices still on their way (submitted) or refused by the job (failed), for the case list. */
export async function listMyPendingDrafts(userId: string, companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return db
    .select({
      id: invoiceDrafts.id,
      status: invoiceDrafts.status,
      customer: invoiceDrafts.customer,
      invoice: invoiceDrafts.invoice,
      failureKey: invoiceDrafts.failureKey,
      failureData: invoiceDrafts.failureData,
      companyName: companies.name,
    })
    .from(invoiceDrafts)
    .innerJoin(companies, eq(companies.id, invoiceDrafts.companyId))
    .where(
      and(
        inArray(invoiceDrafts.companyId, companyIds),
        eq(invoiceDrafts.userId, userId),
        inArray(invoiceDrafts.status, ['submitted', 'failed']),
      ),
    )
    .orderBy(desc(invoiceDrafts.submittedAt))
    .limit(50);
}

/** The PDFs attached to a case's invoices (names only). */
export async function listCaseAttachments(companyId: string, caseId: string) {
  return db
    .select({
      id: invoiceAttachments.id,
      fileName: invoiceAttachments.fileName,
      byteSize: invoiceAttachments.byteSize,
      invoiceNumber: invoices.invoiceNumber,
    })
    .from(invoiceAttachments)
    .innerJoin(invoices, and(eq(invoices.id, invoiceAttachments.invoiceId), eq(invoices.companyId, companyId)))
    .where(and(eq(invoiceAttachments.companyId, companyId), eq(invoices.caseId, caseId), isNotNull(invoiceAttachments.invoiceId)));
}

/** One attachment of a case, with its bytes, for the download route. */
export async function getCaseAttachment(companyId: string, caseId: string, attachmentId: string) {
  const [row] = await db
    .select({ fileName: invoiceAttachments.fileName, content: invoiceAttachments.content })
    .from(invoiceAttachments)
    .innerJoin(invoices, and(eq(invoices.id, invoiceAttachments.invoiceId), eq(invoices.companyId, companyId)))
    .where(and(eq(invoiceAttachments.companyId, companyId), eq(invoiceAttachments.id, attachmentId), eq(invoices.caseId, caseId)));
  return row ?? null;
}

import { and, eq, lt, sql } from 'drizzle-orm';
import { executeRows, type Database, type Tx } from '@/db/client';
import { cases, debtors, invoiceAttachments, invoiceDrafts, invoices, users, type InvoiceDraft } from '@/db/schema';
import type { DraftCustomer, DraftInvoice } from '@/db/schema/invoice-drafts';
import { recheckRoleInTransaction } from '@/lib/auth/gate/checks';
import { lockCase, postEntries } from '@/lib/ledger';
import { makeKid } from '@/lib/norwegian-ids';
import { toSearchText } from '@/lib/search-text';
import { enqueueEmail } from '@/lib/email/outbox';
import { env } from '@/lib/env';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { assertApiKeyMayRegister, assertInvoiceNumberFree, assertManualInvoicesAllowed, InvoiceRefusal } from './conflicts';
import { draftCustomerSchema, draftInvoiceSchema } from './schemas';

export type RegistrationOutcome =
  { outcome: 'registered'; caseId: string } | { outcome: 'failed'; messageKey: string; outboxId: string | null } | { outcome: 'skipped' };

export type RegistrationOptions = {
  /** Runs just before the transaction commits; tests make it throw to stand for a crash mid-job. */
  beforeCommit?: (draftId: string) => void | Promise<void>;
};

type Checked = { customer: DraftCustomer; invoice: DraftInvoice };

/** The job validates again: the rules, the company, the user's role and the invoice number may have changed. */
async function checkDraft(tx: Tx, draft: InvoiceDraft): Promise<Checked> {
  const customer = draftCustomerSchema.safeParse(draft.customer);
  const invoice = draftInvoiceSchema.safeParse(draft.invoice);
  if (!customer.success || !invoice.success) throw new InvoiceRefusal('invoices.errors.jobInvalid');
  if (draft.apiKeyId) {
    // Sent by AutoCollect: the key must still be live and the company still connected.
    await assertApiKeyMayRegister(tx, draft.companyId, draft.apiKeyId);
  } else {
    await assertManualInvoicesAllowed(tx, draft.companyId);
    if (!draft.userId) throw new InvoiceRefusal('invoices.errors.jobNotAllowed');
    try {
      await recheckRoleInTransaction(tx, { userId: draft.userId, companyId: draft.companyId, role: 'write' }, 'write');
    } catch (error) {
      if (error instanceof DomainError) throw new InvoiceRefusal('invoices.errors.jobNotAllowed');
      throw error;
    }
  }
  await assertInvoiceNumberFree(tx, draft.companyId, invoice.data.invoiceNumber, draft.id, { pending: false });
  return { customer: customer.data, invoice: invoice.data };
}

/** The new case's opening claim, through the ledger module: its principal row, and the cached balance set to the sum. */
async function postOpeningPrincipal(
  tx: Tx,
  entry: { companyId: string; caseId: string; invoiceId: string; userId: string | null; invoice: DraftInvoice },
) {
  const locked = await lockCase(tx, entry.companyId, entry.caseId);
  await postEntries(tx, locked, [
    {
      kind: 'principal',
      amountOre: entry.invoice.amountOre,
      currency: entry.invoice.currency,
      bookedOn: entry.invoice.issuedOn,
      invoiceId: entry.invoiceId,
      createdByUserId: entry.userId,
    },
  ]);
}

/** Creates or updates the company's debtor with this customer number (the register is per company). */
async function upsertDebtor(tx: Tx, companyId: string, customer: DraftCustomer): Promise<string> {
  const fields = {
    kind: customer.kind,
    name: customer.name,
    searchName: toSearchText(customer.name),
    nationalId: customer.nationalId,
    organisationNumber: customer.organisationNumber,
    addressLine: customer.addressLine,
    postcode: customer.postcode,
    city: customer.city,
    countryCode: customer.countryCode,
    email: customer.email,
    phone: customer.phone,
  };
  const [row] = await tx
    .insert(debtors)
    .values({ companyId, customerNumber: customer.customerNumber, ...fields })
    .onConflictDoUpdate({ target: [debtors.companyId, debtors.customerNumber], set: fields })
    .returning({ id: debtors.id });
  if (!row) throw new Error('debtor upsert returned nothing');
  return row.id;
}

async function createCase(tx: Tx, draft: InvoiceDraft, checked: Checked): Promise<string> {
  const { invoice } = checked;
  const debtorId = await upsertDebtor(tx, draft.companyId, checked.customer);
  const [next] = await executeRows<{ caseNumber: string | number }>(tx, sql`select nextval('case_number_seq') as "caseNumber"`);
  const number = Number(next?.caseNumber);
  if (!Number.isSafeInteger(number) || number <= 0) throw new Error('no case number from case_number_seq');
  const [created] = await tx
    .insert(cases)
    .values({
      companyId: draft.companyId,
      caseNumber: number,
      debtorId,
      currency: invoice.currency,
      kid: makeKid(String(number).padStart(10, '0'), 'mod10'),
      source: draft.apiKeyId ? 'autocollect' : 'manual',
      originalAmountOre: invoice.amountOre,
      balanceOre: 0,
      dueOn: invoice.dueOn,
    })
    .returning({ id: cases.id });
  if (!created) throw new Error('case insert returned nothing');
  const [invoiceRow] = await tx
    .insert(invoices)
    .values({ companyId: draft.companyId, caseId: created.id, ...invoice })
    .returning({ id: invoices.id });
  if (!invoiceRow) throw new Error('invoice insert returned nothing');
  await postOpeningPrincipal(tx, {
    companyId: draft.companyId,
    caseId: created.id,
    invoiceId: invoiceRow.id,
    userId: draft.userId,
    invoice,
  });
  await tx
    .update(invoiceAttachments)
    .set({ invoiceId: invoiceRow.id })
    .where(and(eq(invoiceAttachments.companyId, draft.companyId), eq(invoiceAttachments.draftId, draft.id)));
  await recordEvent(
    tx,
    { userId: draft.userId, companyId: draft.companyId, apiKeyId: draft.apiKeyId },
    {
      type: 'case.registered',
      caseId: created.id,
      data: { invoiceNumber: invoice.invoiceNumber, amountOre: invoice.amountOre, source: draft.apiKeyId ? 'autocollect' : 'manual' },
    },
  );
  const now = new Date();
  await tx
    .update(invoiceDrafts)
    .set({ status: 'registered', caseId: created.id, invoiceId: invoiceRow.id, registeredAt: now, updatedAt: now })
    .where(eq(invoiceDrafts.id, draft.id));
  return created.id;
}

/** Marks the draft failed with the reason, and emails the user (the outbox row commits with it). */
async function failDraft(tx: Tx, draft: InvoiceDraft, refusal: InvoiceRefusal): Promise<string | null> {
  const now = new Date();
  await tx
    .update(invoiceDrafts)
    .set({ status: 'failed', failureKey: refusal.messageKey, failureData: refusal.values, updatedAt: now })
    .where(eq(invoiceDrafts.id, draft.id));
  // AutoCollect's drafts have no user to email: the API call that created them answers with the reason.
  if (!draft.userId) return null;
  const [user] = await tx
    .select({ email: users.email, locale: users.locale, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, draft.userId));
  if (!user || user.deletedAt) return null;
  return enqueueEmail(tx, {
    companyId: draft.companyId,
    recipient: user.email,
    locale: user.locale,
    email: {
      template: 'invoice_failed',
      invoiceNumber: draft.invoice?.invoiceNumber ?? '',
      reasonKey: refusal.messageKey,
      reasonValues: refusal.values,
      fixUrl: `${env().PORTAL_URL}/${user.locale}/cases/new?draft=${draft.id}`,
    },
    data: { draftId: draft.id },
  });
}

/**
 * The registration job's work, in one transaction: lock the draft, validate again, then create or update the
 * debtor and create the case (number, KID MOD10), the invoice, its ledger row and the history event. A draft
 * that is not `submitted` (already registered by an earlier run, or failed) is skipped, so a retried or
 * duplicated job creates the case exactly once. A refusal marks the draft failed and creates nothing.
 */
export async function registerInvoiceDraft(db: Database, draftId: string, options: RegistrationOptions = {}): Promise<RegistrationOutcome> {
  return db.transaction(async (tx) => {
    const [draft] = await tx.select().from(invoiceDrafts).where(eq(invoiceDrafts.id, draftId)).for('update');
    if (!draft || draft.status !== 'submitted') return { outcome: 'skipped' } as const;
    let checked: Checked;
    try {
      checked = await checkDraft(tx, draft);
    } catch (error) {
      if (!(error instanceof InvoiceRefusal)) throw error;
      return { outcome: 'failed', messageKey: error.messageKey, outboxId: await failDraft(tx, draft, error) } as const;
    }
    const caseId = await createCase(tx, draft, checked);
    await options.beforeCommit?.(draftId);
    return { outcome: 'registered', caseId } as const;
  });
}

/** Submitted drafts whose job may have been lost (the process died after the commit): the sweep queues them. */
export async function listStaleSubmittedDrafts(db: Database, olderThanMs: number, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ id: invoiceDrafts.id })
    .from(invoiceDrafts)
    .where(and(eq(invoiceDrafts.status, 'submitted'), lt(invoiceDrafts.submittedAt, new Date(now.getTime() - olderThanMs))))
    .limit(500);
  return rows.map((row) => row.id);
}

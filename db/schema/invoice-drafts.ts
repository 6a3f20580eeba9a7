import { customType, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './integrations';
import { cases, invoices } from './cases';
import { companies } from './companies';
import { users } from './users';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const invoiceDraftStatusEnum = pgEnum('invoice_draft_status', ['customer', 'submitted', 'registered', 'failed']);

/** Step 1 as the wizard saved it (already validated and normalised). */
export type DraftCustomer = {
  customerNumber: string;
  kind: 'person' | 'company';
  name: string;
  nationalId: string | null;
  organisationNumber: string | null;
  addressLine: string;
  postcode: string;
  city: string;
  countryCode: string;
  email: string | null;
  phone: string | null;
};

/** Step 2 as submitted: money in øre, dates as YYYY-MM-DD. */
export type DraftInvoice = {
  invoiceNumber: string;
  issuedOn: string;
  dueOn: string;
  amountOre: number;
  currency: string;
  description: string | null;
};

/**
 * Betaprogram → + Ny faktura: one user's manual invoice on its way to a case. Step 1 is kept here (a reload
 * loses nothing); Registrer marks it submitted and the registration job turns it into a case exactly once.
 */
export const invoiceDrafts = pgTable(
  'invoice_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    // The portal user who typed it; null when AutoCollect sent it (then apiKeyId is set).
    userId: uuid('user_id').references(() => users.id),
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id),
    status: invoiceDraftStatusEnum('status').notNull().default('customer'),
    customer: jsonb('customer').$type<DraftCustomer>().notNull(),
    invoice: jsonb('invoice').$type<DraftInvoice>(),
    // Why the job refused it (a message key) and the values it needs, shown to the user and emailed.
    failureKey: text('failure_key'),
    failureData: jsonb('failure_data').$type<Record<string, string>>(),
    // Set once, by the job's transaction: a second run finds it and does nothing.
    caseId: uuid('case_id').references(() => cases.id),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invoice_drafts_company_user_status_idx').on(t.companyId, t.userId, t.status),
    index('invoice_drafts_status_submitted_idx').on(t.status, t.submittedAt),
    uniqueIndex('invoice_drafts_case_key').on(t.caseId),
  ],
);

/** The invoice's PDF, checked to be a PDF on upload; linked to the invoice when the job registers it. */
export const invoiceAttachments = pgTable(
  'invoice_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => invoiceDrafts.id),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoice_attachments_draft_key').on(t.draftId),
    index('invoice_attachments_company_invoice_idx').on(t.companyId, t.invoiceId),
  ],
);

export type InvoiceDraft = typeof invoiceDrafts.$inferSelect;
export type InvoiceAttachment = typeof invoiceAttachments.$inferSelect;

import { sql } from 'drizzle-orm';
import { bigint, char, date, index, pgEnum, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { users } from './users';

export const debtorKindEnum = pgEnum('debtor_kind', ['person', 'company']);
export const caseStatusEnum = pgEnum('case_status', ['active', 'paused', 'withdrawn', 'closed']);
export const caseStageEnum = pgEnum('case_stage', ['reminder', 'notice', 'demand', 'legal', 'surveillance', 'closed']);
export const caseSourceEnum = pgEnum('case_source', ['manual', 'autocollect', 'import', 'agency']);
export const ledgerKindEnum = pgEnum('ledger_kind', ['principal', 'interest', 'fee', 'payment', 'credit_note']);
// What a payment row covered (its allocation); 'credit' is an overpayment left on the case.
export const ledgerCoversEnum = pgEnum('ledger_covers', ['principal', 'interest', 'fee', 'credit']);
/** The fee a fee row charges or takes back (lib/engine/rules/claim.ts); null on rows from before fee kinds. */
export const ledgerFeeKindEnum = pgEnum('ledger_fee_kind', [
  'reminder_fee',
  'notice_fee',
  'standard_compensation',
  'collection_fee_light',
  'collection_fee_heavy',
  'plan_fee',
]);

export const caseNumberSequence = pgSequence('case_number_seq', { startWith: 100001 });

/** The creditor's customers. */
export const debtors = pgTable(
  'debtors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    customerNumber: text('customer_number').notNull(),
    kind: debtorKindEnum('kind').notNull(),
    name: text('name').notNull(),
    // Lower-cased, accents stripped (lib/search-text.ts); what name search matches with pg_trgm.
    searchName: text('search_name').notNull(),
    nationalId: text('national_id'),
    organisationNumber: text('organisation_number'),
    addressLine: text('address_line'),
    postcode: text('postcode'),
    city: text('city'),
    countryCode: char('country_code', { length: 2 }).notNull().default('NO'),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('debtors_company_customer_number_key').on(t.companyId, t.customerNumber),
    index('debtors_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    // Min side finds a signed-in debtor's cases by national id or organisation number, across companies.
    index('debtors_national_id_idx').on(t.nationalId),
    index('debtors_organisation_number_idx').on(t.organisationNumber),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseNumber: bigint('case_number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('case_number_seq')`),
    debtorId: uuid('debtor_id')
      .notNull()
      .references(() => debtors.id),
    status: caseStatusEnum('status').notNull().default('active'),
    stage: caseStageEnum('stage').notNull().default('reminder'),
    currency: char('currency', { length: 3 }).notNull().default('NOK'),
    kid: text('kid').notNull(),
    source: caseSourceEnum('source').notNull(),
    // Sum of the principal ledger rows at registration; shown as "original amount".
    originalAmountOre: bigint('original_amount_ore', { mode: 'number' }).notNull(),
    // Cached sum of all ledger rows, kept equal in the same transaction as every ledger insert.
    balanceOre: bigint('balance_ore', { mode: 'number' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    // The debtor's search_name, copied so name search reads one table: set by the database on every insert (and a
    // debtor change), and kept equal when the debtor is renamed (triggers in db/migrations/0005_features_2.sql).
    searchName: text('search_name').notNull().default(''),
  },
  (t) => [
    uniqueIndex('cases_case_number_key').on(t.caseNumber),
    index('cases_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
    index('cases_company_status_registered_idx').on(t.companyId, t.status, t.registeredAt.desc(), t.id),
    index('cases_company_registered_idx').on(t.companyId, t.registeredAt.desc(), t.id),
    index('cases_company_debtor_idx').on(t.companyId, t.debtorId),
    // The case list's other sort orders (amount, case number), per company like the registered-date indexes.
    index('cases_company_amount_idx').on(t.companyId, t.originalAmountOre, t.id),
    index('cases_company_case_number_idx').on(t.companyId, t.caseNumber),
    index('cases_kid_idx').on(t.kid),
  ],
);

export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    invoiceNumber: text('invoice_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('NOK'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_company_invoice_number_key').on(t.companyId, t.invoiceNumber),
    index('invoices_company_case_idx').on(t.companyId, t.caseId),
  ],
);

/** Every movement of money on a case. Claims are positive, payments and credit notes negative. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    invoiceId: uuid('invoice_id').references(() => invoices.id),
    kind: ledgerKindEnum('kind').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('NOK'),
    bookedOn: date('booked_on', { mode: 'string' }).notNull(),
    covers: ledgerCoversEnum('covers'),
    feeKind: ledgerFeeKindEnum('fee_kind'),
    // Set on the rows of a debtor payment the agency received (lib/debtor-payments); settlements gather these.
    debtorPaymentId: uuid('debtor_payment_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    // From the form, so a double submit books one payment.
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_company_case_idx').on(t.companyId, t.caseId),
    // Collected per month (Innsikt): payments of a company by day, with their amounts.
    index('ledger_entries_company_kind_booked_idx').on(t.companyId, t.kind, t.bookedOn, t.amountOre),
    uniqueIndex('ledger_entries_idempotency_key').on(t.companyId, t.idempotencyKey),
    index('ledger_entries_debtor_payment_idx').on(t.debtorPaymentId),
  ],
);

export type Debtor = typeof debtors.$inferSelect;
export type Case = typeof cases.$inferSelect;
export type Invoice = typeof invoices.$inferSelect;
export type LedgerEntry = typeof ledgerEntries.$inferSelect;

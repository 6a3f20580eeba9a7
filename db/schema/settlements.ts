import { bigint, boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases, ledgerEntries } from './cases';
import { companies } from './companies';

/** A settlement paid out to the creditor (remitteringsbilag). Totals are the sums of its lines (net: plus the carries). */
export const remittanceSlips = pgTable(
  'remittance_slips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    slipNumber: text('slip_number').notNull(),
    settledOn: date('settled_on', { mode: 'string' }).notNull(),
    // The run's cut-off: payments up to and including this date. One slip per company and cut-off, enforced here,
    // so a second run (or a second worker) for the same period creates nothing.
    periodEndOn: date('period_end_on', { mode: 'string' }).notNull(),
    payoutAccountNumber: text('payout_account_number').notNull(),
    bankReference: text('bank_reference').notNull(),
    caseCount: bigint('case_count', { mode: 'number' }).notNull().default(0),
    grossOre: bigint('gross_ore', { mode: 'number' }).notNull().default(0),
    principalOre: bigint('principal_ore', { mode: 'number' }).notNull().default(0),
    interestOre: bigint('interest_ore', { mode: 'number' }).notNull().default(0),
    agencyFeeOre: bigint('agency_fee_ore', { mode: 'number' }).notNull().default(0),
    vatOre: bigint('vat_ore', { mode: 'number' }).notNull().default(0),
    netOre: bigint('net_ore', { mode: 'number' }).notNull().default(0),
    directPaymentsOre: bigint('direct_payments_ore', { mode: 'number' }).notNull().default(0),
    // A negative balance (fees' VAT above what the creditor was owed) is never paid out: the previous slip's carry
    // is added here, and what is still below zero goes to the next slip. Paid out: net = lines + in − out.
    carriedInOre: bigint('carried_in_ore', { mode: 'number' }).notNull().default(0),
    carriedOutOre: bigint('carried_out_ore', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('remittance_slips_company_number_key').on(t.companyId, t.slipNumber),
    uniqueIndex('remittance_slips_company_period_key').on(t.companyId, t.periodEndOn),
    index('remittance_slips_company_settled_idx').on(t.companyId, t.settledOn.desc()),
  ],
);

export const remittanceLines = pgTable(
  'remittance_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    slipId: uuid('slip_id')
      .notNull()
      .references(() => remittanceSlips.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    // What the slip shows for the case, copied at settlement so the slip never changes afterwards.
    caseNumber: bigint('case_number', { mode: 'number' }).notNull().default(0),
    invoiceNumber: text('invoice_number').notNull().default(''),
    customerNumber: text('customer_number').notNull().default(''),
    debtorName: text('debtor_name').notNull().default(''),
    principalOre: bigint('principal_ore', { mode: 'number' }).notNull(),
    interestOre: bigint('interest_ore', { mode: 'number' }).notNull(),
    agencyFeeOre: bigint('agency_fee_ore', { mode: 'number' }).notNull(),
    vatOre: bigint('vat_ore', { mode: 'number' }).notNull(),
    netOre: bigint('net_ore', { mode: 'number' }).notNull(),
    // Payments the creditor registered themselves: listed for information, not paid out.
    isDirectPayment: boolean('is_direct_payment').notNull().default(false),
  },
  (t) => [index('remittance_lines_company_slip_idx').on(t.companyId, t.slipId)],
);

/**
 * Each ledger row a slip settled (debtor payment rows, and creditor direct payments listed for information).
 * The unique ledger_entry_id is what makes "no payment settled twice" a database fact.
 */
export const remittanceItems = pgTable(
  'remittance_items',
  {
    ledgerEntryId: uuid('ledger_entry_id')
      .primaryKey()
      .references(() => ledgerEntries.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    slipId: uuid('slip_id')
      .notNull()
      .references(() => remittanceSlips.id),
  },
  (t) => [index('remittance_items_company_slip_idx').on(t.companyId, t.slipId)],
);

export type RemittanceSlip = typeof remittanceSlips.$inferSelect;
export type RemittanceLine = typeof remittanceLines.$inferSelect;

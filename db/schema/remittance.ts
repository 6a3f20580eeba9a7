import { bigint, boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';

/** A settlement paid out to the creditor (remitteringsbilag). Totals are the sums of its lines. */
export const remittanceSlips = pgTable(
  'remittance_slips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    slipNumber: text('slip_number').notNull(),
    settledOn: date('settled_on', { mode: 'string' }).notNull(),
    payoutAccountNumber: text('payout_account_number').notNull(),
    bankReference: text('bank_reference').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('remittance_slips_company_number_key').on(t.companyId, t.slipNumber),
    index('remittance_slips_company_settled_idx').on(t.companyId, t.settledOn.desc()),
  ],
);

export const remittanceLines = pgTable(
  'remittance_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    slipId: uuid('slip_id').notNull().references(() => remittanceSlips.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
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

export type RemittanceSlip = typeof remittanceSlips.$inferSelect;
export type RemittanceLine = typeof remittanceLines.$inferSelect;

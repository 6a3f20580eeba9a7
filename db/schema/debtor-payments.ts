import { bigint, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

export const debtorPaymentStatusEnum = pgEnum('debtor_payment_status', ['unmatched', 'allocated']);
export const debtorPaymentSourceEnum = pgEnum('debtor_payment_source', ['desk', 'csv', 'ocr', 'seed', 'online']);

/**
 * Money a debtor paid into the agency's client account, by KID. Until it is matched to a case it belongs to
 * no company (company_id and case_id are null) and sits in the desk's unmatched list; it is never dropped.
 * The split over fee / interest / principal / credit is stored here and as the ledger rows of the payment.
 */
export const debtorPayments = pgTable(
  'debtor_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').references(() => companies.id),
    caseId: uuid('case_id').references(() => cases.id),
    status: debtorPaymentStatusEnum('status').notNull(),
    source: debtorPaymentSourceEnum('source').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    kid: text('kid').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    payer: text('payer').notNull().default(''),
    // The bank's reference; unique, so importing the same bank file twice books each payment once.
    bankReference: text('bank_reference').notNull(),
    unmatchedReason: text('unmatched_reason'),
    principalOre: bigint('principal_ore', { mode: 'number' }).notNull().default(0),
    interestOre: bigint('interest_ore', { mode: 'number' }).notNull().default(0),
    feeOre: bigint('fee_ore', { mode: 'number' }).notNull().default(0),
    creditOre: bigint('credit_ore', { mode: 'number' }).notNull().default(0),
    registeredByUserId: uuid('registered_by_user_id').references(() => users.id),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('debtor_payments_bank_reference_key').on(t.bankReference),
    index('debtor_payments_company_status_idx').on(t.companyId, t.status, t.paidOn),
    index('debtor_payments_status_created_idx').on(t.status, t.createdAt),
  ],
);

export type DebtorPayment = typeof debtorPayments.$inferSelect;

import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

// The collection engine's own rows: the letters it sent, its per-case state, and the rates the agency added.

export const letterKindEnum = pgEnum('letter_kind', ['reminder', 'notice', 'demand', 'legal_notice', 'surveillance_notice']);

/** What a letter printed, for the HTML view and the PDF (the amounts are also the ledger's rows of that day). */
export type LetterContent = {
  creditor: { name: string; organisationNumber: string };
  debtor: { name: string; kind: 'person' | 'company'; addressLine: string | null; postcode: string | null; city: string | null };
  invoices: { invoiceNumber: string; issuedOn: string; dueOn: string; amountOre: number }[];
  caseNumber: number;
  /** The fees booked with this letter, by kind (the rest of the fee component was booked earlier). */
  newFees: { feeKind: string; amountOre: number }[];
};

/** One letter per case, step and date: a second run the same day (or a second worker) cannot send it again. */
export const letters = pgTable(
  'letters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: letterKindEnum('kind').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    deadlineOn: date('deadline_on', { mode: 'string' }),
    accountNumber: text('account_number').notNull(),
    kid: text('kid').notNull(),
    amountDueOre: bigint('amount_due_ore', { mode: 'number' }).notNull(),
    principalOre: bigint('principal_ore', { mode: 'number' }).notNull(),
    interestOre: bigint('interest_ore', { mode: 'number' }).notNull(),
    feeOre: bigint('fee_ore', { mode: 'number' }).notNull(),
    // The fees booked with this letter (the salær the heavy rate tops up).
    newFeeOre: bigint('new_fee_ore', { mode: 'number' }).notNull(),
    interestRateBasisPoints: integer('interest_rate_basis_points'),
    interestFromOn: date('interest_from_on', { mode: 'string' }).notNull(),
    content: jsonb('content').$type<LetterContent>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('letters_case_kind_sent_key').on(t.caseId, t.kind, t.sentOn),
    index('letters_company_case_idx').on(t.companyId, t.caseId, t.sentOn.desc()),
  ],
);

/**
 * The engine's state per case: the day the ledger stands reconciled at, the pause that moves the
 * deadlines, the dispute that holds the case, the handler's confirmation for legal steps, the last error.
 */
export const caseCollection = pgTable(
  'case_collection',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    // The day the ledger was last reconciled to the claim (interest booked through it): lib/engine/reconcile.ts.
    interestBookedToOn: date('interest_booked_to_on', { mode: 'string' }),
    pausedOn: date('paused_on', { mode: 'string' }),
    // Days paused since the newest letter: the next deadline moves by this much.
    pausedDays: integer('paused_days').notNull().default(0),
    disputedAt: timestamp('disputed_at', { withTimezone: true }),
    disputeReason: text('dispute_reason'),
    // A dispute decided for the debtor with reasonable grounds: from then no collection cost stands (domain.md §2).
    costsWaivedOn: date('costs_waived_on', { mode: 'string' }),
    legalConfirmedAt: timestamp('legal_confirmed_at', { withTimezone: true }),
    legalConfirmedByUserId: uuid('legal_confirmed_by_user_id').references(() => users.id),
    errorCode: text('error_code'),
    errorOn: date('error_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_collection_company_error_idx').on(t.companyId, t.errorCode)],
);

/**
 * Interest rates the agency entered on the desk for half-years after the code's table (lib/engine/rules/tables.ts),
 * each with its source; the demo's assumed rate is marked as an assumption.
 */
export const interestRates = pgTable('interest_rates', {
  validFrom: date('valid_from', { mode: 'string' }).primaryKey(),
  rateBasisPoints: smallint('rate_basis_points').notNull(),
  // Where the figure comes from (the column kept its first name, note; the desk requires it).
  source: text('note'),
  assumption: boolean('assumption').notNull().default(false),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const feeRateKindEnum = pgEnum('fee_rate_kind', ['standard_compensation', 'collection_rate']);

/** Standardkompensasjon (per half-year) and inkassosats (by valid-from date) the agency entered on the desk. */
export const feeRates = pgTable(
  'fee_rates',
  {
    kind: feeRateKindEnum('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    amountOre: integer('amount_ore').notNull(),
    source: text('source').notNull(),
    assumption: boolean('assumption').notNull().default(false),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.validFrom] })],
);

export const rateKindEnum = pgEnum('rate_kind', ['interest', 'standard_compensation', 'collection_rate']);

/**
 * A correction of a rate entered on the desk: a new dated entry, never an edit of the row it corrects. The newest
 * correction for a kind and date is the figure the engine uses (lib/engine/tables.ts); the row keeps what it was.
 */
export const rateCorrections = pgTable(
  'rate_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: rateKindEnum('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    // Basis points for interest, øre for the amounts; what it was before, as the desk saw it.
    value: integer('value').notNull(),
    previousValue: integer('previous_value').notNull(),
    source: text('source').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_corrections_kind_valid_from_idx').on(t.kind, t.validFrom, t.createdAt)],
);

/**
 * A rate correction's reconciliation, written once by its job (lib/jobs/rate-corrections.ts) in the transaction
 * that reconciled the cases it touched: a correction without a row is still queued. Never updated.
 */
export const rateCorrectionReconciliations = pgTable('rate_correction_reconciliations', {
  correctionId: uuid('correction_id')
    .primaryKey()
    .references(() => rateCorrections.id),
  caseCount: integer('case_count').notNull(),
  reconciledAt: timestamp('reconciled_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Letter = typeof letters.$inferSelect;
export type CaseCollection = typeof caseCollection.$inferSelect;

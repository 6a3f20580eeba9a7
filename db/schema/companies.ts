import { boolean, jsonb, smallint, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { localeEnum } from './enums';

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    organisationNumber: text('organisation_number').notNull(),
    payoutAccountNumber: text('payout_account_number').notNull(),
    autocollectEnabled: boolean('autocollect_enabled').notNull().default(false),
    // Where settlement reports (remittance slips) are mailed; edited by the company's Administrators.
    settlementEmail: text('settlement_email'),
    // The language of the emails and PDFs sent to that address (an address has no user, so no user locale).
    settlementEmailLocale: localeEnum('settlement_email_locale').notNull().default('nb'),
    // ISO weekday (1 = Monday) of the scheduled settlement run; the agreement may choose another day.
    settlementWeekday: smallint('settlement_weekday').notNull().default(1),
    // The agreed payment order per stage (lib/allocation); null = the agency's defaults.
    allocationOrder: jsonb('allocation_order').$type<Record<string, string[]>>(),
    // The collection path's timings agreed with the agency (lib/engine/rules/agreement.ts); null = the defaults.
    collectionAgreement: jsonb('collection_agreement').$type<Record<string, unknown>>(),
    // A creditor that is not VAT-registered may add 25 % to the collection fee.
    vatRegistered: boolean('vat_registered').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('companies_organisation_number_key').on(t.organisationNumber)],
);

export type Company = typeof companies.$inferSelect;

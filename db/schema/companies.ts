import { boolean, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const accountingSystemEnum = pgEnum('accounting_system', [
  'tripletex',
  'poweroffice_go',
  'visma_business',
  'visma_net',
]);

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    organisationNumber: text('organisation_number').notNull(),
    payoutAccountNumber: text('payout_account_number').notNull(),
    autocollectEnabled: boolean('autocollect_enabled').notNull().default(false),
    accountingSystem: accountingSystemEnum('accounting_system'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('companies_organisation_number_key').on(t.organisationNumber)],
);

export type Company = typeof companies.$inferSelect;

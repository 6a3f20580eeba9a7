import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

/** Messages on a case between the creditor, the agency's case handler and the debtor. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    fromAgency: boolean('from_agency').notNull(),
    // Written by the debtor in Min side: the creditor sees it only once the agency shares it.
    fromDebtor: boolean('from_debtor').notNull().default(false),
    sharedWithCreditor: boolean('shared_with_creditor').notNull().default(true),
    // The agency's reply to the debtor (Min side's messages page); the creditor does not see it.
    toDebtor: boolean('to_debtor').notNull().default(false),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_company_case_idx').on(t.companyId, t.caseId, t.createdAt.desc())],
);

export type Message = typeof messages.$inferSelect;

import { boolean, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

export const taskStatusEnum = pgEnum('task_status', ['open', 'answered']);

/** Questions the agency puts to the creditor about a case ("Svare på oppgaver"). */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    assignedUserId: uuid('assigned_user_id').references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: taskStatusEnum('status').notNull().default('open'),
    dueOn: date('due_on', { mode: 'string' }),
    answer: text('answer'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_company_status_idx').on(t.companyId, t.status, t.createdAt.desc()),
    index('tasks_company_case_idx').on(t.companyId, t.caseId),
  ],
);

/** Messages between the creditor and the agency's case handler. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull().references(() => companies.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    authorUserId: uuid('author_user_id').references(() => users.id),
    fromAgency: boolean('from_agency').notNull(),
    body: text('body').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('messages_company_case_idx').on(t.companyId, t.caseId, t.createdAt.desc())],
);

export type Task = typeof tasks.$inferSelect;
export type Message = typeof messages.$inferSelect;

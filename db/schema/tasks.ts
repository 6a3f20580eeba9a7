import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

// A task is open until the creditor answers it; the agency may close it (answered or not) and reopen it.
export const taskStatusEnum = pgEnum('task_status', ['open', 'answered', 'closed']);
// A task the system writes is stored as its kind and params and read in the reader's language (lib/i18n/task-text.ts);
// null: the agency's own words in title and body.
export const taskKindEnum = pgEnum('task_kind', ['objection', 'arrangement_request']);

/** Questions the agency puts to the creditor about a case ("Svare på oppgaver"). */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    assignedUserId: uuid('assigned_user_id').references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    kind: taskKindEnum('kind'),
    params: jsonb('params'),
    status: taskStatusEnum('status').notNull().default('open'),
    dueOn: date('due_on', { mode: 'string' }),
    answer: text('answer'),
    answeredByUserId: uuid('answered_by_user_id').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tasks_company_status_idx').on(t.companyId, t.status, t.createdAt.desc()),
    index('tasks_company_case_idx').on(t.companyId, t.caseId),
    // The desk's task lists across all companies: newest activity (answer, else creation) first.
    index('tasks_status_activity_idx').on(t.status, sql`coalesce(${t.answeredAt}, ${t.createdAt}) desc`, sql`${t.id} desc`),
  ],
);

export type Task = typeof tasks.$inferSelect;

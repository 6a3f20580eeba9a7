import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

// A task is open until the creditor answers it; the agency may close it (answered or not) and reopen it.
export const taskStatusEnum = pgEnum('task_status', ['open', 'answered', 'closed']);

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

export const notificationKindEnum = pgEnum('notification_kind', ['tasks', 'messages']);

/** One case the next summary email names: what happened since the last email of that kind. */
export type PendingNotification = { companyId: string; caseId: string; caseNumber: number; title: string | null; at: string };

/**
 * Per user and kind: when the last notification email went out, and what happened since (at most one email per
 * user per kind per 10 minutes; the rest waits here for the summary job). Owned by the user, not a company.
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull().references(() => users.id),
    kind: notificationKindEnum('kind').notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    pending: jsonb('pending').$type<PendingNotification[]>().notNull().default([]),
    pendingCount: integer('pending_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('notification_digests_user_kind_key').on(t.userId, t.kind),
    index('notification_digests_due_idx').on(t.lastSentAt).where(sql`pending_count > 0`),
  ],
);

export type NotificationDigest = typeof notificationDigests.$inferSelect;

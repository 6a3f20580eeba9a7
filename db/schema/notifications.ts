import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

export const notificationKindEnum = pgEnum('notification_kind', ['tasks', 'messages']);

/** One case the next summary email names: what happened since the last email of that kind. */
export type PendingNotification = {
  companyId: string;
  caseId: string;
  caseNumber: number;
  title: string | null;
  /** A system task's kind and title params: the email reads its title in the recipient's language. */
  task?: { kind: string; params: Record<string, unknown> };
  at: string;
};

/**
 * Per user and kind: when the last notification email went out, and what happened since (at most one email per
 * user per kind per 10 minutes; the rest waits here for the summary job). Owned by the user, not a company.
 */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: notificationKindEnum('kind').notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    pending: jsonb('pending').$type<PendingNotification[]>().notNull().default([]),
    pendingCount: integer('pending_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('notification_digests_user_kind_key').on(t.userId, t.kind),
    index('notification_digests_due_idx')
      .on(t.lastSentAt)
      .where(sql`pending_count > 0`),
  ],
);

export type NotificationDigest = typeof notificationDigests.$inferSelect;

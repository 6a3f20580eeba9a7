import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './integrations';
import { cases } from './cases';
import { companies } from './companies';
import { users } from './users';

/** Append-only: the case history and the audit log. Never updated or deleted. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').references(() => companies.id),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    // AutoCollect's writes: the key that made them (the history shows "AutoCollect (key name)").
    actorApiKeyId: uuid('actor_api_key_id').references(() => apiKeys.id),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_company_case_occurred_idx').on(t.companyId, t.caseId, t.occurredAt.desc()),
    index('events_company_occurred_idx').on(t.companyId, t.occurredAt.desc()),
    index('events_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

export type EventRow = typeof events.$inferSelect;

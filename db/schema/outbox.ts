import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { localeEnum } from './enums';

/**
 * A file the delivery job attaches, by reference: the row stays small and the file is rendered at send time in
 * the row's locale (lib/settlements/slips/attachments.ts).
 */
export type OutboxAttachment = { kind: 'remittanceSlip'; slipId: string };

export const outboxChannelEnum = pgEnum('outbox_channel', ['email', 'sms']);
export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/** Email and SMS written in the same transaction as their cause, delivered by a background job. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').references(() => companies.id),
    channel: outboxChannelEnum('channel').notNull(),
    recipient: text('recipient').notNull(),
    locale: localeEnum('locale').notNull(),
    template: text('template').notNull(),
    subject: text('subject'),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    // Extra mail headers (List-Unsubscribe for notifications), passed to the provider as they are.
    headers: jsonb('headers').$type<Record<string, string>>(),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_status_created_idx').on(t.status, t.createdAt)],
);

export type OutboxMessage = typeof outbox.$inferSelect;

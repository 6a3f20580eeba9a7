import {
  bigint,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { caseRowKeys, companyRowKeys, createdAt, statusColumn } from './columns';
import { debtorPayments } from './debtor-payments';
import { tasks } from './tasks';

// What a debtor does in Min side: pays online, objects, asks for time or a plan, chooses electronic letters.

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const onlinePaymentProviderEnum = pgEnum('online_payment_provider', ['vipps', 'local']);
export const onlinePaymentStatusEnum = pgEnum('online_payment_status', ['pending', 'approved', 'declined', 'abandoned']);

/**
 * A payment the debtor started in Min side. `reference` is the provider's order reference (unique); once the
 * provider confirms it, it is booked as a debtor payment (bank reference `<provider>:<reference>`, so a replayed or
 * duplicated callback books it once) and `debtor_payment_id` points at it.
 */
export const onlinePayments = pgTable(
  'online_payments',
  {
    ...caseRowKeys(),
    provider: onlinePaymentProviderEnum('provider').notNull(),
    reference: text('reference').notNull(),
    // From the debtor's form: a double submit starts one payment.
    idempotencyKey: text('idempotency_key').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    ...statusColumn(onlinePaymentStatusEnum, 'pending'),
    redirectUrl: text('redirect_url'),
    debtorPaymentId: uuid('debtor_payment_id').references(() => debtorPayments.id),
    ...createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('online_payments_reference_key').on(t.reference),
    uniqueIndex('online_payments_case_idempotency_key').on(t.caseId, t.idempotencyKey),
    index('online_payments_company_case_idx').on(t.companyId, t.caseId),
  ],
);

/** Every provider callback that passed its signature, once: a replay of the same event is recognised and ignored. */
export const paymentCallbacks = pgTable(
  'payment_callbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: onlinePaymentProviderEnum('provider').notNull(),
    eventKey: text('event_key').notNull(),
    reference: text('reference').notNull(),
    eventName: text('event_name').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_callbacks_provider_event_key').on(t.provider, t.eventKey)],
);

export const objectionReasonEnum = pgEnum('objection_reason', ['already_paid', 'wrong_amount', 'not_received', 'other']);
export const objectionStatusEnum = pgEnum('objection_status', ['open', 'answered']);

/** An objection (innsigelse) from the debtor: the case is disputed at once and the creditor gets a task about it. */
export const objections = pgTable(
  'objections',
  {
    ...caseRowKeys(),
    reason: objectionReasonEnum('reason').notNull(),
    body: text('body').notNull(),
    ...statusColumn(objectionStatusEnum, 'open'),
    taskId: uuid('task_id').references(() => tasks.id),
    ...createdAt(),
  },
  (t) => [index('objections_company_case_idx').on(t.companyId, t.caseId, t.createdAt.desc())],
);

/** The objection's files (receipt, documents), checked by content on upload; stored as the invoice PDFs are. */
export const objectionFiles = pgTable(
  'objection_files',
  {
    ...companyRowKeys(),
    objectionId: uuid('objection_id')
      .notNull()
      .references(() => objections.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    content: bytea('content').notNull(),
    ...createdAt(),
  },
  (t) => [index('objection_files_company_objection_idx').on(t.companyId, t.objectionId)],
);

export const arrangementKindEnum = pgEnum('arrangement_kind', ['postponement', 'plan']);
/** `requested`: outside the agreement's limits, a task for the creditor; `broken`: a missed instalment not cured. */
export const arrangementStatusEnum = pgEnum('arrangement_status', ['requested', 'active', 'completed', 'broken', 'declined']);

/** Time or an instalment plan the debtor asked for; while active the engine sends no letters for the case. */
export const paymentArrangements = pgTable(
  'payment_arrangements',
  {
    ...caseRowKeys(),
    kind: arrangementKindEnum('kind').notNull(),
    status: arrangementStatusEnum('status').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    // A postponement: the day the debtor pays by. A plan: the last instalment's day.
    untilOn: date('until_on', { mode: 'string' }).notNull(),
    instalmentCount: smallint('instalment_count').notNull().default(1),
    // The plan fee (inkassoforskriften § 2-4) it carries, booked when the plan starts.
    planFeeOre: bigint('plan_fee_ore', { mode: 'number' }).notNull().default(0),
    totalOre: bigint('total_ore', { mode: 'number' }).notNull(),
    taskId: uuid('task_id').references(() => tasks.id),
    ...createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('payment_arrangements_company_case_idx').on(t.companyId, t.caseId, t.createdAt.desc())],
);

/** A plan's schedule: each instalment with its day and amount (paid against the case's KID). */
export const planInstalments = pgTable(
  'plan_instalments',
  {
    ...companyRowKeys(),
    arrangementId: uuid('arrangement_id')
      .notNull()
      .references(() => paymentArrangements.id),
    number: smallint('number').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    // The missed-instalment notice, once per instalment (the engine's letter of that day).
    noticeSentOn: date('notice_sent_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('plan_instalments_arrangement_number_key').on(t.arrangementId, t.number),
    index('plan_instalments_company_idx').on(t.companyId),
  ],
);

export const letterChannelEnum = pgEnum('letter_channel', ['email', 'sms']);

/**
 * A debtor's consent to receive letters in Min side with a notice by email or SMS: who (the identity the sign-in
 * gave), what was agreed (the text's key and version, the address), when; withdrawn by setting withdrawn_at.
 * Rows are never deleted, so the record of what was agreed stays.
 */
export const letterConsents = pgTable(
  'letter_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The national identity number or organisation number the identity provider vouched for.
    subject: text('subject').notNull(),
    channel: letterChannelEnum('channel').notNull(),
    address: text('address').notNull(),
    termsVersion: text('terms_version').notNull(),
    locale: text('locale').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('letter_consents_subject_idx').on(t.subject, t.grantedAt.desc())],
);

export const letterDeliveries = pgTable(
  'letter_deliveries',
  {
    ...companyRowKeys(),
    letterId: uuid('letter_id').notNull(),
    channel: text('channel').notNull(),
    consentId: uuid('consent_id').references(() => letterConsents.id),
    ...createdAt(),
  },
  (t) => [uniqueIndex('letter_deliveries_letter_key').on(t.letterId), index('letter_deliveries_company_idx').on(t.companyId)],
);

export type OnlinePayment = typeof onlinePayments.$inferSelect;
export type Objection = typeof objections.$inferSelect;
export type PaymentArrangement = typeof paymentArrangements.$inferSelect;
export type PlanInstalment = typeof planInstalments.$inferSelect;
export type LetterConsent = typeof letterConsents.$inferSelect;

import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { users } from './users';

/**
 * AutoCollect: the keys an accounting system calls /api/v1 with. Only the SHA-256 of the key is stored (a key
 * is 32 random bytes, so a fast hash is enough); the prefix is shown to tell keys apart.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedAddress: text('last_used_address'),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_key').on(t.secretHash), index('api_keys_company_created_idx').on(t.companyId, t.createdAt)],
);

/** A write's first answer, kept so that a replay with the same Idempotency-Key returns it (another body: 409). */
export const apiIdempotency = pgTable(
  'api_idempotency',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    endpoint: text('endpoint').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: jsonb('response_body').$type<unknown>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_idempotency_company_endpoint_key').on(t.companyId, t.endpoint, t.idempotencyKey)],
);

/** Requests per key and fixed window, counted in the database so the limit holds across instances. */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.windowStart] })],
);

/**
 * Unknown API keys presented per client address and fixed window: past the limit the address gets 429 before any
 * key is looked up, so keys cannot be guessed at speed. Counted under a per-address advisory lock.
 */
export const apiAuthFailures = pgTable(
  'api_auth_failures',
  {
    address: text('address').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.address, t.windowStart] })],
);

export type ApiKey = typeof apiKeys.$inferSelect;

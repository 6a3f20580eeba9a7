import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';
import { letters } from './engine';

// Min side: the debtor's own sessions (never the creditors' `sessions`), the BankID sign-in in flight, and the
// codes printed on letters for signing in without BankID.

export const debtorSessionKindEnum = pgEnum('debtor_session_kind', ['bankid', 'letter_code']);

/**
 * A debtor's session. The cookie holds a random token; only its SHA-256 is stored. `bankid`: a person by national
 * id, with the organisation numbers the identity provider said they may act for. `letter_code`: one case only.
 */
export const debtorSessions = pgTable(
  'debtor_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    kind: debtorSessionKindEnum('kind').notNull(),
    nationalId: text('national_id'),
    name: text('name'),
    organisationNumbers: text('organisation_numbers').array().notNull().default([]),
    caseId: uuid('case_id').references(() => cases.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('debtor_sessions_token_hash_key').on(t.tokenHash), index('debtor_sessions_expires_idx').on(t.expiresAt)],
);

/** A BankID sign-in between the redirect and the callback: state, nonce and PKCE verifier, used once. */
export const debtorSignInFlows = pgTable(
  'debtor_sign_in_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    locale: text('locale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('debtor_sign_in_flows_expires_idx').on(t.expiresAt)],
);

/** The sign-in code printed on a letter (lib/auth/letter-code.ts), stored as a peppered hash, valid until expiry. */
export const letterAccessCodes = pgTable(
  'letter_access_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => letters.id),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('letter_access_codes_letter_key').on(t.letterId),
    index('letter_access_codes_company_case_idx').on(t.companyId, t.caseId),
  ],
);

export type DebtorSession = typeof debtorSessions.$inferSelect;

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { localeEnum, roleEnum, secondFactorMethodEnum } from './enums';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    locale: localeEnum('locale').notNull().default('nb'),
    // Bumped on password change or removal: every session issued before it dies.
    sessionVersion: integer('session_version').notNull().default(1),
    preferredSecondFactor: secondFactorMethodEnum('preferred_second_factor').notNull().default('totp'),
    notifyTasks: boolean('notify_tasks').notNull().default(true),
    notifyMessages: boolean('notify_messages').notNull().default(true),
    betaEnabled: boolean('beta_enabled').notNull().default(false),
    // The agency's case handlers: set only by the agency's own tooling (seed, CLI), never by a creditor screen.
    isAgencyStaff: boolean('is_agency_staff').notNull().default(false),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    // Second-factor failures since the last completed sign-in: at the cap only a recovery code is accepted.
    secondFactorFailures: integer('second_factor_failures').notNull().default(0),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: roleEnum('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('memberships_company_user_key').on(t.companyId, t.userId), index('memberships_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    locale: localeEnum('locale').notNull().default('nb'),
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: uuid('invited_by_user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    // The account this invitation created (or gave back, fresh, to its address): only such an account may be
    // deleted by the inviting company's Administrator; any other account only loses that company's memberships.
    createdUserId: uuid('created_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_hash_key').on(t.tokenHash), index('invitations_email_idx').on(t.email)],
);

/** The companies one invitation grants; tenant-scoped so admins list their own pending invitations. */
export const invitationCompanies = pgTable(
  'invitation_companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id),
  },
  (t) => [uniqueIndex('invitation_companies_company_invitation_key').on(t.companyId, t.invitationId)],
);

export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;

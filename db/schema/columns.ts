import { timestamp, uuid, type PgEnum } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { companies } from './companies';

// Column blocks many tenant tables repeat. Functions, not constants: drizzle binds a column builder to the one
// table it is used in. Spread them where the columns stood, so the generated SQL keeps its column order.

/** The uuid key, the owning company and the case: the first three columns of a case's row. */
export function caseRowKeys() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
  };
}

/** The uuid key and the owning company, for a row that belongs to a company but not (directly) to a case. */
export function companyRowKeys() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
  };
}

/** When the row was written. */
export function createdAt() {
  return { createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow() };
}

/** A `status` column of the table's own enum, starting at `initial`. */
export function statusColumn<T extends [string, ...string[]]>(statusEnum: PgEnum<T>, initial: T[number]) {
  return { status: statusEnum('status').notNull().default(initial) };
}

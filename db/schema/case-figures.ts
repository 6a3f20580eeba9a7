import { bigint, bigserial, index, integer, numeric, pgTable, uuid } from 'drizzle-orm/pg-core';

/**
 * Innsikt's case figures per company as running sums: database triggers on `cases` append one row of changes per
 * statement and company (insert-only, so concurrent writers never wait on a shared counter row), the maintenance
 * job folds each company's rows into one, and a company's figures are the sum of its rows. The triggers and
 * `case_figures_rebuild()` (recount from `cases`) are in db/migrations/0006_case_figures.sql.
 */
export const caseFigureDeltas = pgTable(
  'case_figure_deltas',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    companyId: uuid('company_id').notNull(),
    activeCases: integer('active_cases').notNull().default(0),
    // Balance of active and paused cases.
    outstandingOre: bigint('outstanding_ore', { mode: 'number' }).notNull().default(0),
    closedCases: integer('closed_cases').notNull().default(0),
    // Closed with nothing owing, and of those the ones with a closing time and their seconds from registration.
    closedPaid: integer('closed_paid').notNull().default(0),
    paidTimed: integer('paid_timed').notNull().default(0),
    paidSeconds: numeric('paid_seconds').notNull().default('0'),
  },
  (t) => [index('case_figure_deltas_company_idx').on(t.companyId)],
);

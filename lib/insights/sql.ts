import { sql, type SQL } from 'drizzle-orm';

// Innsikt's key figures as SQL, apart from their execution (queries.ts), so bench:cases times the same statements.
// The case figures sum the companies' running sums (case_figure_deltas, kept by triggers on cases); the collected
// amounts read ledger_entries_company_kind_booked_idx (company, kind, booked_on, amount) only.

function companies(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
}

/**
 * Active cases; outstanding on active and paused cases; of the closed cases, how many closed with nothing owing
 * ("closed as paid") and their average days from registration to closing. From the running sums, so the cost does
 * not grow with the number of cases.
 */
export function caseFiguresSql(companyIds: readonly string[]): SQL {
  return sql`select
      coalesce(sum(active_cases), 0)::int as active_cases,
      coalesce(sum(outstanding_ore), 0)::text as outstanding_ore,
      coalesce(sum(closed_cases), 0)::int as closed_cases,
      coalesce(sum(closed_paid), 0)::int as closed_paid,
      sum(paid_seconds) / nullif(sum(paid_timed), 0) / 86400 as avg_days_to_payment
    from case_figure_deltas
    where company_id = any(${companies(companyIds)})`;
}

/**
 * Folds each company's running sums into one row, in one statement: rows another transaction adds meanwhile are not
 * seen and stay, so the sums never change (the maintenance job runs it).
 */
export function foldCaseFiguresSql(): SQL {
  return sql`with folded as (delete from case_figure_deltas returning *)
    insert into case_figure_deltas (company_id, active_cases, outstanding_ore, closed_cases, closed_paid, paid_timed, paid_seconds)
    select company_id, sum(active_cases), sum(outstanding_ore), sum(closed_cases), sum(closed_paid), sum(paid_timed), sum(paid_seconds)
    from folded group by company_id
    having sum(active_cases) <> 0 or sum(outstanding_ore) <> 0 or sum(closed_cases) <> 0 or sum(paid_timed) <> 0 or sum(paid_seconds) <> 0 or sum(closed_paid) <> 0`;
}

/** Payments booked per calendar month from `fromMonth` (YYYY-MM-01) up to and including `today`, in øre (positive). */
export function collectedByMonthSql(companyIds: readonly string[], fromMonth: string, today: string): SQL {
  return sql`select to_char(booked_on, 'YYYY-MM') as month, (-sum(amount_ore))::text as collected_ore
    from ledger_entries
    where company_id = any(${companies(companyIds)}) and kind = 'payment' and booked_on >= ${fromMonth}::date and booked_on <= ${today}::date
    group by 1 order by 1`;
}

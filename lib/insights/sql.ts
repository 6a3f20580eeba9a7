import { sql, type SQL } from 'drizzle-orm';

// Innsikt's key figures as SQL, apart from their execution (queries.ts), so bench:cases times the same statements.
// Each reads an index only: cases_company_status_figures_idx (company, status, balance, registered, closed) and
// ledger_entries_company_kind_booked_idx (company, kind, booked_on, amount).

function companies(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]`;
}

/**
 * Active cases; outstanding on active and paused cases; of the closed cases, how many closed with nothing owing
 * ("closed as paid") and their average days from registration to closing.
 */
export function caseFiguresSql(companyIds: readonly string[]): SQL {
  return sql`select
      count(*) filter (where status = 'active')::int as active_cases,
      coalesce(sum(balance_ore) filter (where status in ('active', 'paused')), 0)::text as outstanding_ore,
      count(*) filter (where status = 'closed')::int as closed_cases,
      count(*) filter (where status = 'closed' and balance_ore <= 0)::int as closed_paid,
      avg(extract(epoch from (closed_at - registered_at)) / 86400) filter (where status = 'closed' and balance_ore <= 0 and closed_at is not null) as avg_days_to_payment
    from cases
    where company_id = any(${companies(companyIds)}) and status in ('active', 'paused', 'closed')`;
}

/** Payments booked per calendar month from `fromMonth` (YYYY-MM-01) up to and including `today`, in øre (positive). */
export function collectedByMonthSql(companyIds: readonly string[], fromMonth: string, today: string): SQL {
  return sql`select to_char(booked_on, 'YYYY-MM') as month, (-sum(amount_ore))::text as collected_ore
    from ledger_entries
    where company_id = any(${companies(companyIds)}) and kind = 'payment' and booked_on >= ${fromMonth}::date and booked_on <= ${today}::date
    group by 1 order by 1`;
}

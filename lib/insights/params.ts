import { z } from 'zod';
import type { TaskFilter } from '@/lib/tasks/queries';

type Raw = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Innsikt's URL: `company` (the Saker company filter) and `show=answered`; anything malformed is ignored. */
export function parseInsightsParams(raw: Raw): { company: string | undefined; filter: TaskFilter } {
  const company = z.uuid().safeParse(first(raw.company));
  return { company: company.success ? company.data : undefined, filter: first(raw.show) === 'answered' ? 'answered' : 'open' };
}

export function insightsQuery(
  params: { company: string | undefined; filter: TaskFilter },
  changes: Partial<{ company: string | undefined; filter: TaskFilter }> = {},
) {
  const merged = { ...params, ...changes };
  const query: Record<string, string> = {};
  if (merged.company) query.company = merged.company;
  if (merged.filter === 'answered') query.show = 'answered';
  return query;
}

import { DEFAULT_PARAMS, type CaseListParams } from './schemas';

/** The filters that define a list; paging (after/before/page) is left out so a new filter starts at page 1. */
const FILTER_KEYS = ['q', 'status', 'from', 'to', 'company', 'sort'] as const;

/**
 * The URL query of a list view: the current filters with `changes` applied, defaults left out so links stay short.
 * Paging keys are only kept when `changes` sets them.
 */
export function caseListQuery(params: CaseListParams, changes: Partial<CaseListParams> = {}): Record<string, string> {
  const merged: Partial<CaseListParams> = { ...pickFilters(params), ...changes };
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '') continue;
    if (key in DEFAULT_PARAMS && DEFAULT_PARAMS[key as keyof CaseListParams] === value) continue;
    query[key] = String(value);
  }
  return query;
}

function pickFilters(params: CaseListParams): Partial<CaseListParams> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params[key]]));
}

/** The export URL for the list as filtered now; the route handler reads the same parameters. */
export function caseExportHref(params: CaseListParams, locale: string): string {
  return `/api/cases/export?${new URLSearchParams({ ...caseListQuery(params), locale }).toString()}`;
}

import 'server-only';
import { requireCompanies } from '@/lib/auth/gate';
import { countCases, listCases } from './queries';
import { parseCaseListParams, type RawSearchParams } from './schemas';

/**
 * Everything the case list page shows for one URL query: the companies the gate grants (the one in the company
 * filter, or all the user's), one page of cases and the capped count, read in parallel.
 */
export async function loadCaseListView(raw: RawSearchParams) {
  const { params, invalid } = parseCaseListParams(raw);
  const scope = await requireCompanies('read', params.company);
  const [page, total] = await Promise.all([listCases(scope.companyIds, params), countCases(scope.companyIds, params)]);
  return { params, invalid, scope, page, total };
}

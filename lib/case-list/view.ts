import 'server-only';
import { requireUser } from '@/lib/auth/current-user';
import { resolveCaseListScope } from './access';
import { countCases, listCases } from './queries';
import { parseCaseListParams, type RawSearchParams } from './schemas';

/**
 * Everything the case list page shows for one URL query: the signed-in user's companies (each through
 * requireRole), one page of cases and the capped count, read in parallel.
 */
export async function loadCaseListView(raw: RawSearchParams) {
  const user = await requireUser();
  const { params, invalid } = parseCaseListParams(raw);
  const scope = await resolveCaseListScope(user.userId, params.company);
  const [page, total] = await Promise.all([listCases(scope.companyIds, params), countCases(scope.companyIds, params)]);
  return { params, invalid, scope, page, total };
}

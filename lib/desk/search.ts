import 'server-only';
import { countCases, listCases } from '@/lib/case-list/queries';
import { parseCaseListParams, type RawSearchParams } from '@/lib/case-list/schemas';
import { listAllCompanies } from './queries';

/**
 * The desk's case search: the very same search and SQL as Saker (lib/case-list), over every company, or the one
 * in the company filter. Callers have passed requireStaff().
 */
export async function searchDeskCases(raw: RawSearchParams) {
  const { params, invalid } = parseCaseListParams(raw);
  const companies = await listAllCompanies();
  const chosen = params.company ? companies.filter((company) => company.companyId === params.company) : companies;
  const companyIds = chosen.map((company) => company.companyId);
  const [page, total] = await Promise.all([listCases(companyIds, params), countCases(companyIds, params)]);
  return { params, invalid, companies, page, total };
}

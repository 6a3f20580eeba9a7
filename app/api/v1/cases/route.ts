import { readDb } from '@/db';
import { casesQuery } from '@/lib/integrations/api/contract';
import { validationProblem } from '@/lib/integrations/api/problem';
import { listCases } from '@/lib/integrations/api/reads';
import { apiRoute, json } from '@/lib/integrations/api/route';

/** GET /api/v1/cases?status=&updatedSince=&cursor=&limit=: the company's cases by case number, a page at a time. */
export const GET = apiRoute(async (request, _context: unknown, principal) => {
  const parsed = casesQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationProblem(parsed.error);
  // A sync's list tolerates a second of lag: the replica when there is one.
  return json(await listCases(readDb, principal.companyId, parsed.data));
});

import { db } from '@/db';
import { settlementsQuery } from '@/lib/integrations/api/contract';
import { validationProblem } from '@/lib/integrations/api/problem';
import { listSettlements } from '@/lib/integrations/api/reads';
import { apiRoute, json } from '@/lib/integrations/api/route';

/** GET /api/v1/settlements?since=YYYY-MM-DD: remittance slips with their lines, for posting in the ledger. */
export const GET = apiRoute(async (request, _context: unknown, principal) => {
  const parsed = settlementsQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) throw validationProblem(parsed.error);
  return json({ data: await listSettlements(db, principal.companyId, parsed.data.since) });
});

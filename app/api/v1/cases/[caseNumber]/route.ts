import { db } from '@/db';
import type { CaseNumberContext } from '@/lib/integrations/api/case-action-route';
import { notFound } from '@/lib/integrations/api/problem';
import { getCaseDetail } from '@/lib/integrations/api/reads';
import { apiRoute, json } from '@/lib/integrations/api/route';
import { parseCaseNumber } from '@/lib/integrations/api/writes';

/** GET /api/v1/cases/{caseNumber}: the case with its history; another company's case is not found. */
export const GET = apiRoute(async (_request, context: CaseNumberContext, principal) => {
  const detail = await getCaseDetail(db, principal.companyId, parseCaseNumber((await context.params).caseNumber));
  if (!detail) throw notFound('The case');
  return json(detail);
});

import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { gatedRoute, requireCaseRole } from '@/lib/auth/gate';
import { routing } from '@/lib/i18n/routing';
import { statementPdfResponse } from '@/lib/settlements/statement/download';

type Context = RouteContext<'/api/cases/[caseId]/statement'>;

/** GET: the § 15 statement of an ended case as PDF, for users of the case's company (Lese and up). */
export const GET = gatedRoute(async (request: NextRequest, context: Context): Promise<Response> => {
  const { caseId } = await context.params;
  const actor = await requireCaseRole(caseId, 'read');
  const asked = request.nextUrl.searchParams.get('locale');
  return statementPdfResponse(actor.companyId, caseId, hasLocale(routing.locales, asked) ? asked : routing.defaultLocale);
});

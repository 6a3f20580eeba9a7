import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { gatedRoute, requireStaff } from '@/lib/auth/gate';
import { getDeskCase } from '@/lib/desk/queries';
import { routing } from '@/lib/i18n/routing';
import { statementPdfResponse } from '@/lib/settlements/statement/download';
import { z } from 'zod';

type Context = RouteContext<'/api/desk/cases/[caseId]/statement'>;

/** GET: the § 15 statement of an ended case as PDF, on the desk (agency staff only; creditors get 404). */
export const GET = gatedRoute(async (request: NextRequest, context: Context): Promise<Response> => {
  await requireStaff();
  const { caseId } = await context.params;
  const found = z.uuid().safeParse(caseId).success ? await getDeskCase(caseId) : null;
  if (!found) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const asked = request.nextUrl.searchParams.get('locale');
  return statementPdfResponse(found.companyId, found.id, hasLocale(routing.locales, asked) ? asked : routing.defaultLocale);
});

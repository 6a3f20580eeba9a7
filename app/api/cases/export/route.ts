import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { getCurrentSession } from '@/lib/auth/current-user';
import { resolveCaseListScope } from '@/lib/case-list/access';
import { buildCaseWorkbook, exportFileName } from '@/lib/case-list/export';
import { countCases, streamCases } from '@/lib/case-list/queries';
import { MAX_EXPORT_ROWS, parseCaseListParams } from '@/lib/case-list/schemas';
import { caseListQuery } from '@/lib/case-list/url';
import { routing } from '@/lib/i18n/routing';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function redirectTo(request: NextRequest, path: string): Response {
  return new Response(null, { status: 303, headers: { Location: new URL(path, request.url).toString(), 'Cache-Control': 'no-store' } });
}

/**
 * GET /api/cases/export?locale=nb&…the list's filters: the filtered case list as .xlsx. Every company included
 * passes requireRole(…, 'read') (a company the user is not in → 404); signed out → the sign-in page.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const query = request.nextUrl.searchParams;
  const requested = query.get('locale');
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const session = await getCurrentSession();
  if (!session?.secondFactorVerifiedAt) return redirectTo(request, `/${locale}/login`);

  const { params } = parseCaseListParams(Object.fromEntries(query));
  const scope = await resolveCaseListScope(session.userId, params.company);
  if ((await countCases(scope.companyIds, params, MAX_EXPORT_ROWS)) > MAX_EXPORT_ROWS) {
    const back = new URLSearchParams({ ...caseListQuery(params), notice: 'exportTooLarge' });
    return redirectTo(request, `/${locale}/cases?${back.toString()}`);
  }
  const workbook = await buildCaseWorkbook(streamCases(scope.companyIds, params), locale);
  // A copy into a plain ArrayBuffer (a few MB compressed) is what the Response body type accepts.
  return new Response(new Uint8Array(workbook), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${exportFileName(locale)}"`,
      'Content-Length': String(workbook.byteLength),
      'Cache-Control': 'no-store',
    },
  });
}

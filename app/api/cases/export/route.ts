import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { gatedRoute, requireCompanies } from '@/lib/auth/gate';
import { buildCaseWorkbook, exportFileName } from '@/lib/case-list/export';
import { countCases, streamCases } from '@/lib/case-list/queries';
import { MAX_EXPORT_ROWS, parseCaseListParams } from '@/lib/case-list/schemas';
import { caseListQuery } from '@/lib/case-list/url';
import { routing } from '@/lib/i18n/routing';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function redirectTo(path: string): Response {
  // Relative: stays on the address the browser used, whatever host the server thinks it has.
  return new Response(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}

/**
 * GET /api/cases/export?locale=nb&…the list's filters: the filtered case list as .xlsx, of the companies the gate
 * grants (a company filter the user is not in → 404; signed out or 2FA pending → 401).
 */
export const GET = gatedRoute(async (request: NextRequest): Promise<Response> => {
  const query = request.nextUrl.searchParams;
  const requested = query.get('locale');
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const { params } = parseCaseListParams(Object.fromEntries(query));
  const scope = await requireCompanies('read', params.company);
  if ((await countCases(scope.companyIds, params, MAX_EXPORT_ROWS)) > MAX_EXPORT_ROWS) {
    const back = new URLSearchParams({ ...caseListQuery(params), notice: 'exportTooLarge' });
    return redirectTo(`/${locale}/cases?${back.toString()}`);
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
});

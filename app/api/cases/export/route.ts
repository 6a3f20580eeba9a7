import { hasLocale } from 'next-intl';
import type { NextRequest } from 'next/server';
import { readDb } from '@/db';
import { gatedRoute, requireCompanies } from '@/lib/auth/gate';
import { Readable } from 'node:stream';
import { caseWorkbookStream, exportFileName } from '@/lib/case-list/export';
import { countCases, streamCases } from '@/lib/case-list/queries';
import { MAX_EXPORT_ROWS, parseCaseListParams } from '@/lib/case-list/schemas';
import { caseListQuery } from '@/lib/case-list/url';
import { routing } from '@/lib/i18n/routing';
import { attachmentDisposition } from '@/lib/http/content-disposition';

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
  if ((await countCases(scope.companyIds, params, MAX_EXPORT_ROWS, readDb)) > MAX_EXPORT_ROWS) {
    const back = new URLSearchParams({ ...caseListQuery(params), notice: 'exportTooLarge' });
    return redirectTo(`/${locale}/cases?${back.toString()}`);
  }
  // Streamed: rows go from the database's keyset pages through the xlsx worker to the client as they come, so the
  // server's memory does not grow with the number of rows. A failure half-way aborts the download (no Content-Length);
  // a closed download ends the worker and the reads.
  const body = caseWorkbookStream(streamCases(scope.companyIds, params), locale);
  body.on('error', (error) => console.error('case export failed', error));
  request.signal.addEventListener('abort', () => body.destroy(), { once: true });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentDisposition(exportFileName(locale)),
      'Cache-Control': 'no-store',
    },
  });
});

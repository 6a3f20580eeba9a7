import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { gatedRoute, requireCompanies } from '@/lib/auth/gate';
import { routing } from '@/lib/i18n/routing';
import { slipFileName, slipPdf, slipsZip, zipFileName } from '@/lib/settlements/slips/download';
import { getSlips } from '@/lib/settlements/slips/queries';
import { slipDownloadSchema } from '@/lib/settlements/slips/schemas';
import { attachmentDisposition } from '@/lib/http/content-disposition';

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * GET /api/reports/download?locale=nb&ids=…&ids=…: Rapporter's "Last ned X valgte" (a plain GET form). One slip
 * comes as its PDF, several as one streamed ZIP of PDFs. Every id must be a slip of a company the user belongs to
 * (any role); one that is not → 404, so another company's slip looks like no slip at all.
 */
export const GET = gatedRoute(async (request: NextRequest): Promise<Response> => {
  const query = request.nextUrl.searchParams;
  const asked = query.get('locale');
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: 'reports' });
  const parsed = slipDownloadSchema.safeParse({ ids: query.getAll('ids') });
  const scope = await requireCompanies('read');
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? 'reports.errors.badId';
    return plain(400, t(key.replace(/^reports\./, '') as 'errors.badId'));
  }
  const slips = await getSlips(scope.companyIds, parsed.data.ids);
  if (slips.length !== parsed.data.ids.length) return plain(404, t('errors.notFound'));
  const [only] = slips;
  if (only && slips.length === 1) {
    const pdf = await slipPdf(only, locale);
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachmentDisposition(slipFileName(only)),
        'Content-Length': String(pdf.byteLength),
        'Cache-Control': 'no-store',
      },
    });
  }
  return new Response(await slipsZip(slips, locale), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': attachmentDisposition(zipFileName(slips, t('zipSeveralCompanies'))),
      'Cache-Control': 'no-store',
    },
  });
});

import { hasLocale } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { gatedRoute, requireCompanies } from '@/lib/auth/gate';
import { routing } from '@/lib/i18n/routing';
import { getSlips } from '@/lib/settlements/slips/queries';
import { buildSlipWorkbook } from '@/lib/settlements/slips/xlsx';
import { fileNamePart } from '@/lib/settlements/slips/zip';
import { attachmentDisposition } from '@/lib/http/content-disposition';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /api/reports/slips/<id>/xlsx: one slip's lines as .xlsx; any role of the slip's company; others 404. */
export const GET = gatedRoute(async (request: NextRequest, context: { params: Promise<{ slipId: string }> }): Promise<Response> => {
  const asked = request.nextUrl.searchParams.get('locale');
  const locale = hasLocale(routing.locales, asked) ? asked : routing.defaultLocale;
  const { slipId } = await context.params;
  const scope = await requireCompanies('read');
  const t = await getTranslations({ locale, namespace: 'reports' });
  const [slip] = z.uuid().safeParse(slipId).success ? await getSlips(scope.companyIds, [slipId]) : [];
  if (!slip) return new Response(t('errors.notFound'), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const columns = (
    ['caseNumber', 'invoiceNumber', 'customerNumber', 'debtor', 'principal', 'interest', 'fee', 'vat', 'net', 'kind'] as const
  ).map((key) => t(`columns.${key}`));
  const workbook = buildSlipWorkbook(slip, {
    sheet: slip.slipNumber,
    direct: t('pdf.directPayments'),
    columns,
    carriedIn: t('pdf.carriedIn'),
    carriedOut: t('pdf.carriedOut'),
    paidOut: t('pdf.paidOut'),
  });
  return new Response(new Uint8Array(workbook), {
    headers: {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachmentDisposition(`remitteringsbilag-${fileNamePart(slip.companyName)}-${slip.slipNumber}.xlsx`),
      'Content-Length': String(workbook.byteLength),
      'Cache-Control': 'no-store',
    },
  });
});

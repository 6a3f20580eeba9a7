import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { PageHeader } from '@/components/layout/page-header';
import { SlipDetail } from '@/components/reports/slip-detail';
import { requireCompanies } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getSlips } from '@/lib/settlements/slips/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports.pdf'))('title') };
}

/** One remittance slip as a page; another company's (or an unknown) id is not found. */
export default async function SlipPage({ params }: PageProps<'/[locale]/reports/[slipId]'>) {
  const locale = await enterLocale(params);
  const { slipId } = await params;
  const scope = await requireCompanies('read');
  if (!z.uuid().safeParse(slipId).success) notFound();
  const [slip] = await getSlips(scope.companyIds, [slipId]);
  if (!slip) notFound();
  const t = await getTranslations('reports');
  return (
    <>
      <PageHeader
        title={`${t('pdf.title')} ${slip.slipNumber}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <a
              className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white"
              href={`/api/reports/download?locale=${locale}&ids=${slip.id}`}
            >
              PDF
            </a>
            <a
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium"
              href={`/api/reports/slips/${slip.id}/xlsx?locale=${locale}`}
            >
              {t('excel')}
            </a>
          </div>
        }
      />
      <SlipDetail slip={slip} locale={locale} backHref={`/${locale}/reports`} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { SlipFilters } from '@/components/reports/slip-filters';
import { SlipTable, type SlipRow } from '@/components/reports/slip-table';
import { requireCompanies } from '@/lib/auth/gate';
import { formatDate } from '@/lib/i18n/format';
import { getPathname } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { formatOre } from '@/lib/money';
import { listSlips } from '@/lib/settlements/slips/queries';
import { slipListParamsSchema } from '@/lib/settlements/slips/schemas';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reports'))('title') };
}

/** Rapporter: Velg dato and company, then the remittance slips to mark and download (help: "Finne remitteringsbilag"). */
export default async function ReportsPage({ params, searchParams }: PageProps<'/[locale]/reports'>) {
  const locale = await enterLocale(params);
  const view = slipListParamsSchema.parse(await searchParams);
  // Every role may see its companies' slips; a company filter the user is not in is not found.
  const scope = await requireCompanies('read', view.company);
  const slips = await listSlips(scope.companyIds, view);
  const t = await getTranslations('reports');
  const rows: SlipRow[] = slips.map((slip) => ({
    id: slip.id,
    slipNumber: slip.slipNumber,
    date: formatDate(slip.settledOn, locale),
    reference: slip.bankReference,
    company: slip.companyName,
    caseCount: slip.caseCount,
    gross: formatOre(slip.grossOre, locale),
    fees: formatOre(slip.agencyFeeOre, locale),
    vat: formatOre(slip.vatOre, locale),
    net: formatOre(slip.netOre, locale),
    href: getPathname({ href: `/reports/${slip.id}`, locale }),
    excelHref: `/api/reports/slips/${slip.id}/xlsx?locale=${locale}`,
  }));
  return (
    <ClientMessages paths={['reports']}>
      <>
        <PageHeader title={t('title')} />
        <SlipFilters action={getPathname({ href: '/reports', locale })} params={view} companies={scope.companies} />
        <h2 className="mb-3 text-lg font-semibold">{t('slipsHeading')}</h2>
        {rows.length > 0 ? (
          <SlipTable action="/api/reports/download" locale={locale} rows={rows} showCompany={scope.companyIds.length > 1} />
        ) : (
          <EmptyState text={view.from || view.to ? t('emptyFiltered') : t('empty')} />
        )}
      </>
    </ClientMessages>
  );
}

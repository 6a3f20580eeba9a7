import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CaseListFilters } from '@/components/case-list/case-list-filters';
import { CaseListSummary, CasePagination } from '@/components/case-list/case-pagination';
import { CaseTable } from '@/components/case-list/case-table';
import { ExportLink } from '@/components/case-list/export-link';
import { PortalLink } from '@/components/case-list/portal-link';
import { SoftLinks } from '@/components/case-list/soft-links';
import { StatusFilter } from '@/components/case-list/status-filter';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { NewInvoiceButton } from '@/components/invoices/new-invoice-button';
import { PendingInvoices } from '@/components/invoices/pending-invoices';
import { FormStatus } from '@/components/ui/form-status';
import { MAX_EXPORT_ROWS, countCap, parseNotice } from '@/lib/case-list/schemas';
import { caseExportHref, caseListQuery } from '@/lib/case-list/url';
import { loadCaseListView } from '@/lib/case-list/view';
import { getPathname } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('caseList'))('title') };
}

// The status filter defaults to "Alle": the help text's "Oversikt over åpne saker" has the user pick Aktiv as a
// step, and "Se historikk på faktura" searches for a case by number whatever its status.
export default async function CasesPage({ params, searchParams }: PageProps<'/[locale]/cases'>) {
  const locale = await enterLocale(params);
  const raw = await searchParams;
  const { params: view, invalid, scope, page, total } = await loadCaseListView(raw);
  const notice = parseNotice(raw);
  const t = await getTranslations('caseList');
  const isFiltered = Boolean(view.q || view.status !== 'all' || view.from || view.to || view.company);

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <NewInvoiceButton locale={locale} />
            <ExportLink href={caseExportHref(view, locale)} />
          </div>
        }
      />
      <div className="mb-4 grid gap-2">
        {invalid.length > 0 ? <FormStatus tone="error" text={t('invalidParams')} /> : null}
        {notice === 'exportTooLarge' ? <FormStatus tone="error" text={t('exportTooLarge', { max: MAX_EXPORT_ROWS })} /> : null}
      </div>
      <PendingInvoices locale={locale} />
      <CaseListFilters
        action={getPathname({ href: '/cases', locale })}
        locale={locale}
        params={view}
        companies={scope.companies}
        withoutDates={caseListQuery(view, { from: undefined, to: undefined })}
      />
      <div className="my-4">
        <StatusFilter params={view} locale={locale} />
      </div>
      <CaseListSummary page={view.page} shown={page.rows.length} total={total} cap={countCap(view)} />
      {page.rows.length > 0 ? (
        <SoftLinks>
          <CaseTable rows={page.rows} locale={locale} showCompany={scope.companyIds.length > 1} />
        </SoftLinks>
      ) : (
        <div className="grid gap-3">
          <EmptyState text={isFiltered ? t('emptyFiltered') : t('empty')} />
          {isFiltered ? (
            <PortalLink href="/cases" locale={locale} className="justify-self-center text-sm font-medium text-brand-700 underline">
              {t('resetFilters')}
            </PortalLink>
          ) : null}
        </div>
      )}
      <CasePagination params={view} locale={locale} nextCursor={page.nextCursor} previousCursor={page.previousCursor} />
    </>
  );
}

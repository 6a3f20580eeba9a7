import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CaseListSummary, CasePagination } from '@/components/case-list/case-pagination';
import { DeskCaseTable } from '@/components/desk/desk-case-table';
import { DeskSearchForm } from '@/components/desk/desk-search-form';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { FormStatus } from '@/components/ui/form-status';
import { requireStaff } from '@/lib/auth/gate';
import { countCap } from '@/lib/case-list/schemas';
import { searchDeskCases } from '@/lib/desk/search';
import { getPathname } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk'))('title'), robots: { index: false } };
}

/** The desk's home: search any case of any company (the search of Saker), newest first. */
export default async function DeskHomePage({ params, searchParams }: PageProps<'/[locale]/desk'>) {
  const locale = await enterLocale(params);
  // Layouts are not re-run on client navigation: every desk page asks the gate itself.
  await requireStaff();
  const t = await getTranslations('desk');
  const { params: view, invalid, companies, page, total } = await searchDeskCases(await searchParams);
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 text-slate-700">{t('home.intro')}</p>
      {invalid.length > 0 ? <FormStatus tone="error" text={t('home.invalidParams')} /> : null}
      <DeskSearchForm action={getPathname({ href: '/desk', locale })} params={view} companies={companies} />
      <CaseListSummary page={view.page} shown={page.rows.length} total={total} cap={countCap(view)} />
      {page.rows.length > 0 ? <DeskCaseTable rows={page.rows} locale={locale} /> : <EmptyState text={t('home.empty')} />}
      <CasePagination params={view} locale={locale} nextCursor={page.nextCursor} previousCursor={page.previousCursor} pathname="/desk" />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { InsightsFilters } from '@/components/insights/insights-filters';
import { KeyFigures, KeyFiguresSkeleton } from '@/components/insights/key-figures';
import { TaskList } from '@/components/insights/task-list';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { requireCompanies } from '@/lib/auth/gate';
import { todayInOslo } from '@/lib/dates';
import { getPathname } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { parseInsightsParams } from '@/lib/insights/params';
import { listTaskObjectionFiles } from '@/lib/objections/queries';
import { listMyTasks } from '@/lib/tasks/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insights'))('title') };
}

/**
 * Innsikt: the tasks the agency gave the user or their companies ("Svare på oppgaver"), and key figures. The tasks
 * come first (on a wide screen the figures stand beside them), so the article's "Gå til sak" is on the first screen.
 */
export default async function InsightsPage({ params, searchParams }: PageProps<'/[locale]/insights'>) {
  const locale = await enterLocale(params);
  const view = parseInsightsParams(await searchParams);
  const scope = await requireCompanies('read', view.company);
  const t = await getTranslations('insights');
  const rows = await listMyTasks(scope.userId, scope.companyIds, view.filter);
  const files = await listTaskObjectionFiles(
    scope.companyIds,
    rows.map((row) => row.id),
  );
  const today = todayInOslo();
  return (
    <>
      <PageHeader title={t('title')} />
      <InsightsFilters action={getPathname({ href: '/insights', locale })} locale={locale} params={view} companies={scope.companies} />
      <div className="grid gap-8 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] xl:items-start">
        <section aria-labelledby="tasks-heading" className="grid min-w-0 gap-3">
          <h2 id="tasks-heading" className="text-lg font-semibold">
            {t(view.filter === 'open' ? 'openTasks' : 'answeredTasks')}
          </h2>
          {rows.length > 0 ? (
            <TaskList
              rows={rows}
              files={files}
              filter={view.filter}
              showCompany={scope.companyIds.length > 1}
              today={today}
              locale={locale}
            />
          ) : (
            <EmptyState text={t(view.filter === 'open' ? 'empty' : 'emptyAnswered')} />
          )}
        </section>
        <Suspense fallback={<KeyFiguresSkeleton />}>
          <KeyFigures companyIds={scope.companyIds} today={today} locale={locale} />
        </Suspense>
      </div>
    </>
  );
}

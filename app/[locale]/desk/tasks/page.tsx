import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PortalLink } from '@/components/case-list/portal-link';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/gate';
import { listDeskTasks } from '@/lib/desk/queries';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { taskTitle } from '@/lib/i18n/task-text';

const STATUSES = ['answered', 'open', 'closed'] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk.tasks'))('pageTitle'), robots: { index: false } };
}

/** Every company's tasks by status: answered ones are the case handler's to read and close. */
export default async function DeskTasksPage({ params, searchParams }: PageProps<'/[locale]/desk/tasks'>) {
  const locale = await enterLocale(params);
  await requireStaff();
  const asked = (await searchParams).status;
  const status = STATUSES.find((candidate) => candidate === asked) ?? 'answered';
  const t = await getTranslations('desk.tasks');
  const rows = await listDeskTasks(status);
  return (
    <>
      <PageHeader title={t('pageTitle')} />
      <nav aria-label={t('statusFilter')} className="mb-4">
        <ul className="flex flex-wrap gap-1">
          {STATUSES.map((candidate) => (
            <li key={candidate}>
              <PortalLink
                href={{ pathname: '/desk/tasks', query: { status: candidate } }}
                locale={locale}
                aria-current={candidate === status ? 'page' : undefined}
                className={`block rounded-full border px-3 py-1 text-sm font-medium ${candidate === status ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-300 bg-white text-slate-800'}`}
              >
                {t(`status.${candidate}`)}
              </PortalLink>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <EmptyState text={t('none')} />
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
              <div>
                <PortalLink href={`/desk/cases/${row.caseId}`} locale={locale} className="font-medium text-brand-700 underline">
                  {row.caseNumber}
                </PortalLink>{' '}
                · {row.companyName} · {row.debtorName}
                <p className="text-slate-900">{taskTitle(row, locale)}</p>
              </div>
              <span className="text-slate-600">{formatDate(row.answeredAt ?? row.createdAt, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

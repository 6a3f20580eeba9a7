import { useTranslations } from 'next-intl';
import { CompanyFilter } from '@/components/forms/company-filter';
import { PortalLink } from '@/components/case-list/portal-link';
import { Button } from '@/components/ui/button';
import { insightsQuery } from '@/lib/insights/params';
import type { Locale } from '@/lib/i18n/routing';
import type { TaskFilter } from '@/lib/tasks/queries';

type Props = {
  action: string;
  locale: Locale;
  params: { company: string | undefined; filter: TaskFilter };
  companies: { companyId: string; companyName: string }[];
};

const FILTERS: TaskFilter[] = ['open', 'answered'];

/** The company filter of Saker (a GET form) and open / answered tasks as links. */
export function InsightsFilters({ action, locale, params, companies }: Props) {
  const t = useTranslations('insights');
  return (
    <div className="mb-4 flex flex-wrap items-end gap-4">
      {companies.length > 1 ? (
        <form action={action} method="get" className="flex items-end gap-2">
          {params.filter === 'answered' ? <input type="hidden" name="show" value="answered" /> : null}
          <CompanyFilter
            id="insights-company"
            label={t('company')}
            allLabel={t('allCompanies')}
            value={params.company}
            companies={companies}
          />
          <Button type="submit" variant="secondary">
            {t('apply')}
          </Button>
        </form>
      ) : null}
      <nav aria-label={t('taskFilter')}>
        <ul className="flex flex-wrap gap-1">
          {FILTERS.map((filter) => (
            <li key={filter}>
              <PortalLink
                href={{ pathname: '/insights', query: insightsQuery(params, { filter }) }}
                locale={locale}
                aria-current={params.filter === filter ? 'page' : undefined}
                className={`block rounded-full border px-3 py-1 text-sm font-medium ${
                  params.filter === filter
                    ? 'border-brand-700 bg-brand-700 text-white'
                    : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'
                }`}
              >
                {t(filter === 'open' ? 'openTasks' : 'answeredTasks')}
              </PortalLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

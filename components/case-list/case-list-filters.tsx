import { useTranslations } from 'next-intl';
import { CompanyFilter } from '@/components/forms/company-filter';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { Locale } from '@/lib/i18n/routing';
import { CASE_SORTS, MAX_QUERY_LENGTH, type CaseListParams, type CaseSort } from '@/lib/case-list/schemas';
import { PortalLink } from './portal-link';
import { SubmitOnChangeSelect } from './submit-on-change';

const SORT_LABELS = {
  'registered-desc': 'registeredDesc',
  'registered-asc': 'registeredAsc',
  'amount-desc': 'amountDesc',
  'amount-asc': 'amountAsc',
  'number-desc': 'numberDesc',
  'number-asc': 'numberAsc',
} as const satisfies Record<CaseSort, string>;

const SELECT = 'block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900';
const LABEL = 'text-sm font-medium text-slate-800';

type Props = {
  /** The list's own URL (/nb/cases): a GET form, so every view is a bookmarkable address and works without JS. */
  action: string;
  locale: Locale;
  params: CaseListParams;
  companies: { companyId: string; companyName: string }[];
  /** The current view without its date range. */
  withoutDates: Record<string, string>;
};

/** Search, company, registration date and sort; the status filter is a row of links beside it. */
export function CaseListFilters({ action, locale, params, companies, withoutDates }: Props) {
  const t = useTranslations('caseList');
  const hasDates = Boolean(params.from || params.to);
  return (
    <form action={action} method="get" role="search" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4">
      {params.status !== 'all' ? <input type="hidden" name="status" value={params.status} /> : null}
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid w-full gap-1 sm:w-auto sm:min-w-72 sm:flex-1">
          <label htmlFor="case-search" className={LABEL}>
            {t('searchLabel')}
          </label>
          <Input
            id="case-search"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={MAX_QUERY_LENGTH}
            aria-describedby="case-search-hint"
          />
          <p id="case-search-hint" className="text-sm text-slate-600">
            {t('searchHint')}
          </p>
        </div>
        <Button type="submit" className="sm:mb-7">
          {t('searchButton')}
        </Button>
      </div>
      <div className="flex flex-wrap items-start gap-4">
        {companies.length > 1 ? (
          <CompanyFilter id="case-company" label={t('company')} allLabel={t('allCompanies')} value={params.company} companies={companies} />
        ) : null}
        <div className="grid gap-1">
          <label htmlFor="case-sort" className={LABEL}>
            {t('sort')}
          </label>
          <SubmitOnChangeSelect id="case-sort" name="sort" defaultValue={params.sort} className={SELECT}>
            {CASE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sortOptions.${SORT_LABELS[sort]}`)}
              </option>
            ))}
          </SubmitOnChangeSelect>
        </div>
        <details open={hasDates} className="group rounded-md border border-slate-300 bg-white">
          <summary className="cursor-pointer list-none rounded-md px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100">
            {t('chooseDate')} <span aria-hidden="true">▾</span>
          </summary>
          <fieldset className="flex flex-wrap items-end gap-3 border-t border-slate-200 p-3">
            <legend className="sr-only">{t('dateRange')}</legend>
            <div className="grid gap-1">
              <label htmlFor="case-from" className={LABEL}>
                {t('fromDate')}
              </label>
              <Input id="case-from" name="from" type="date" defaultValue={params.from ?? ''} />
            </div>
            <div className="grid gap-1">
              <label htmlFor="case-to" className={LABEL}>
                {t('toDate')}
              </label>
              <Input id="case-to" name="to" type="date" defaultValue={params.to ?? ''} />
            </div>
            <Button type="submit" variant="secondary">
              {t('applyDates')}
            </Button>
            {hasDates ? (
              <PortalLink
                href={{ pathname: '/cases', query: withoutDates }}
                locale={locale}
                className="px-2 py-2 text-sm font-medium text-brand-700 underline"
              >
                {t('clearDates')}
              </PortalLink>
            ) : null}
          </fieldset>
        </details>
      </div>
    </form>
  );
}

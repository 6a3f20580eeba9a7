import { useTranslations } from 'next-intl';
import { CompanyFilter } from '@/components/forms/company-filter';
import { SubmitOnChangeSelect } from '@/components/case-list/submit-on-change';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { MAX_QUERY_LENGTH, STATUS_FILTERS, type CaseListParams } from '@/lib/case-list/schemas';

// Full width on a phone (company names are long), at most 20 rem beside the search box on wider screens.
const SELECT = 'block w-full max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 sm:max-w-xs';

/** The desk's search: the Saker search box, over all companies, with company and status filters (a GET form). */
export function DeskSearchForm({
  action,
  params,
  companies,
}: {
  action: string;
  params: CaseListParams;
  companies: { companyId: string; companyName: string }[];
}) {
  const t = useTranslations('caseList');
  return (
    <form
      action={action}
      method="get"
      role="search"
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="grid w-full min-w-0 flex-1 gap-1 sm:min-w-64">
        <label htmlFor="desk-search" className="text-sm font-medium text-slate-800">
          {t('searchLabel')}
        </label>
        <Input id="desk-search" name="q" type="search" defaultValue={params.q} maxLength={MAX_QUERY_LENGTH} />
      </div>
      <CompanyFilter
        id="desk-company"
        label={t('company')}
        allLabel={t('allCompanies')}
        value={params.company}
        companies={companies}
        className="grid w-full min-w-0 gap-1 sm:w-auto"
        selectClassName={SELECT}
      />
      <div className="grid gap-1">
        <label htmlFor="desk-status" className="text-sm font-medium text-slate-800">
          {t('statusFilter')}
        </label>
        <SubmitOnChangeSelect id="desk-status" name="status" defaultValue={params.status} className={SELECT}>
          {STATUS_FILTERS.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SubmitOnChangeSelect>
      </div>
      <Button type="submit">{t('searchButton')}</Button>
    </form>
  );
}

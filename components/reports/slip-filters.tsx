import { useTranslations } from 'next-intl';
import { CompanyFilter } from '@/components/forms/company-filter';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { SlipListParams } from '@/lib/settlements/slips/schemas';

const LABEL = 'text-sm font-medium text-slate-800';

type Props = { action: string; params: SlipListParams; companies: { companyId: string; companyName: string }[] };

/** Velg dato (from–to) and the company: a GET form, so each view is an address and works without JavaScript. */
export function SlipFilters({ action, params, companies }: Props) {
  const t = useTranslations('reports');
  return (
    <form action={action} method="get" className="mb-4 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className={`${LABEL} mb-1`}>{t('chooseDate')}</legend>
        <div className="grid gap-1">
          <label htmlFor="slip-from" className={LABEL}>
            {t('from')}
          </label>
          <Input id="slip-from" name="from" type="date" defaultValue={params.from ?? ''} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="slip-to" className={LABEL}>
            {t('to')}
          </label>
          <Input id="slip-to" name="to" type="date" defaultValue={params.to ?? ''} />
        </div>
      </fieldset>
      {companies.length > 1 ? (
        <CompanyFilter
          id="slip-company"
          label={t('company')}
          allLabel={t('allCompanies')}
          value={params.company}
          companies={companies}
          submitOnChange={false}
        />
      ) : null}
      <Button type="submit" variant="secondary">
        {t('show')}
      </Button>
    </form>
  );
}

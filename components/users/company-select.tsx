'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';

type Company = { companyId: string; companyName: string };

/** A plain GET form (works without JavaScript); with it, choosing a company submits at once. */
export function CompanySelect({ companies, selectedId }: { companies: Company[]; selectedId: string }) {
  const t = useTranslations('users');
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div className="grid gap-1">
        <label htmlFor="company-select" className="text-sm font-medium text-slate-800">
          {t('chooseCompany')}
        </label>
        <Select
          id="company-select"
          name="company"
          defaultValue={selectedId}
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
          className="block min-w-64 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        >
          {companies.map((company) => (
            <option key={company.companyId} value={company.companyId}>
              {company.companyName}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        {t('show')}
      </Button>
    </form>
  );
}

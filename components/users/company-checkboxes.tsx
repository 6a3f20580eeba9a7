'use client';

type Company = { companyId: string; companyName: string };

type Props = { legend: string; hint: string; companies: Company[]; checked: string[]; error?: string; scope?: boolean };

/** The companies as checkboxes named companyIds; with `scope`, hidden inputs tell the server which were shown. */
export function CompanyCheckboxes({ legend, hint, companies, checked, error, scope = false }: Props) {
  return (
    <fieldset className="grid gap-2" aria-describedby={`companies-hint${error ? ' companies-error' : ''}`}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <p id="companies-hint" className="text-sm text-slate-600">
        {hint}
      </p>
      {companies.map((company) => (
        <label key={company.companyId} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="companyIds" value={company.companyId} defaultChecked={checked.includes(company.companyId)} />
          {company.companyName}
          {scope ? <input type="hidden" name="scope" value={company.companyId} /> : null}
        </label>
      ))}
      {error ? (
        <p id="companies-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

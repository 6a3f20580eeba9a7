import { SubmitOnChangeSelect } from '@/components/case-list/submit-on-change';
import { Select } from '@/components/ui/select';

export type CompanyOption = { companyId: string; companyName: string };

type Props = {
  id: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  companies: CompanyOption[];
  /** Submit the surrounding GET form on change (the form's own button does it without JavaScript). */
  submitOnChange?: boolean;
  className?: string;
  selectClassName?: string;
};

const SELECT = 'block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900';

/** The company filter of Saker, Innsikt, Rapporter and the desk: "all companies" first, then each by name. */
export function CompanyFilter({
  id,
  label,
  allLabel,
  value,
  companies,
  submitOnChange = true,
  className = 'grid gap-1',
  selectClassName = SELECT,
}: Props) {
  const Chooser = submitOnChange ? SubmitOnChangeSelect : Select;
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <Chooser id={id} name="company" defaultValue={value ?? ''} className={selectClassName}>
        <option value="">{allLabel}</option>
        {companies.map((company) => (
          <option key={company.companyId} value={company.companyId}>
            {company.companyName}
          </option>
        ))}
      </Chooser>
    </div>
  );
}

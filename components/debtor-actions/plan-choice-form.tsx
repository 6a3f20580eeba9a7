import { getTranslations } from 'next-intl/server';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

/** Step 1 of a plan: a GET form back to the page, so the cost shows without JavaScript and nothing is written. */
export async function PlanChoiceForm({ chosen, errors }: { chosen: Record<string, string>; errors: Record<string, string> }) {
  const t = await getTranslations('debtorActions.plan');
  const kind = chosen.kind ?? 'plan';
  const mode = chosen.mode ?? 'months';
  const radio = (name: string, value: string, label: string, checked: boolean) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="radio" name={name} value={value} defaultChecked={checked} className="size-5" />
      {label}
    </label>
  );
  return (
    <form method="get" className="grid gap-4">
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('kind')}</legend>
        {radio('kind', 'postponement', t('postponement'), kind === 'postponement')}
        {radio('kind', 'plan', t('planKind'), kind === 'plan')}
      </fieldset>
      <Field label={t('days')} error={errors.days}>
        <Input name="days" inputMode="numeric" defaultValue={chosen.days ?? '14'} />
      </Field>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('mode')}</legend>
        {radio('mode', 'months', t('modeMonths'), mode === 'months')}
        {radio('mode', 'amount', t('modeAmount'), mode === 'amount')}
      </fieldset>
      <Field label={t('months')} error={errors.months}>
        <Input name="months" inputMode="numeric" defaultValue={chosen.months ?? '4'} />
      </Field>
      <Field label={t('monthly')} error={errors.monthly}>
        <Input name="monthly" inputMode="decimal" defaultValue={chosen.monthly ?? ''} />
      </Field>
      <div>
        <button
          type="submit"
          className="inline-flex items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50"
        >
          {t('preview')}
        </button>
      </div>
    </form>
  );
}

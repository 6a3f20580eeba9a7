import { getTranslations } from 'next-intl/server';

/** Where the user is in the two steps; the current one is marked for screen readers too. */
export async function WizardSteps({ current }: { current: 1 | 2 }) {
  const t = await getTranslations('invoices.wizard');
  const names = [t('stepCustomer'), t('stepInvoice')];
  return (
    <nav aria-label={t('steps')} className="mb-6">
      <ol className="flex flex-wrap gap-4 text-sm">
        {names.map((name, index) => (
          <li
            key={name}
            aria-current={current === index + 1 ? 'step' : undefined}
            className="rounded-full border border-slate-300 px-3 py-1 text-slate-700 aria-[current=step]:border-brand-700 aria-[current=step]:bg-brand-50 aria-[current=step]:font-semibold aria-[current=step]:text-brand-900"
          >
            {t('step', { step: index + 1, name })}
          </li>
        ))}
      </ol>
    </nav>
  );
}

import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import type { MissingRate } from '@/lib/desk/rates/warnings';

/** On every desk page while a half-year's rate is missing (from 1 June / 1 December for the next half-year). */
export async function RateWarning({ missing }: { missing: MissingRate[] }) {
  if (missing.length === 0) return null;
  const t = await getTranslations('desk.rates');
  const halfYear = (from: string) => t('halfYear', { half: from.slice(5, 7) === '01' ? 'first' : 'second', year: from.slice(0, 4) });
  return (
    <section
      aria-labelledby="rate-warning-title"
      className="mb-6 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="rate-warning-title" className="font-semibold">
        {t('warning.title')}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {missing.map((row) => (
          <li key={`${row.kind}-${row.halfYearFrom}`}>{t(`warning.${row.kind}`, { halfYear: halfYear(row.halfYearFrom) })}</li>
        ))}
      </ul>
      <p className="mt-1">{t('warning.consequence')}</p>
      <p className="mt-2">
        <Link href="/desk/rates" className="font-medium underline">
          {t('warning.link')}
        </Link>
      </p>
    </section>
  );
}

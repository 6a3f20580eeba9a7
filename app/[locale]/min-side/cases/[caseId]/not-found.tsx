import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Unknown case, malformed id, or another debtor's case: all the same to the debtor. */
export default async function DebtorCaseNotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('cases.detail.notFoundTitle')}</h1>
      <p className="mt-4 text-slate-600">{t('cases.detail.notFoundBody')}</p>
      <Link href="/min-side" className="mt-8 inline-block font-medium text-brand-700 underline">
        {t('minSide.case.back')}
      </Link>
    </div>
  );
}

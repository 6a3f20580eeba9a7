import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

/** Unknown case, malformed id, or another company's case: all the same to the user. */
export default async function CaseNotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t('cases.detail.notFoundTitle')}</h1>
      <p className="mt-4 text-slate-600">{t('cases.detail.notFoundBody')}</p>
      <Link href="/cases" className="mt-8 inline-block font-medium text-brand-700 underline">
        {t('cases.detail.backToList')}
      </Link>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="mt-4 text-slate-600">{t('notFoundBody')}</p>
      <Link href="/cases" className="mt-8 inline-block font-medium text-brand-700 underline">
        {t('notFoundHome')}
      </Link>
    </main>
  );
}

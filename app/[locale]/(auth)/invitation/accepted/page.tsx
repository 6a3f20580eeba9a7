import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('accept.doneTitle') };
}

export default async function InvitationAcceptedPage({ params }: PageProps<'/[locale]/invitation/accepted'>) {
  await enterLocale(params);
  const t = await getTranslations('users');
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t('accept.doneTitle')}</h1>
      <p role="status" className="mb-6 text-slate-700">
        {t('accept.doneBody')}
      </p>
      <Link href="/login" className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">
        {t('accept.signIn')}
      </Link>
    </>
  );
}

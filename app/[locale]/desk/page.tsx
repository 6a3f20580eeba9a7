import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk'))('title'), robots: { index: false } };
}

export default async function DeskHomePage({ params }: PageProps<'/[locale]/desk'>) {
  await enterLocale(params);
  // Layouts are not re-run on client navigation: every desk page asks the gate itself.
  await requireStaff();
  const t = await getTranslations('desk');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="text-slate-700">{t('home.intro')}</p>
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { EmptyState } from '@/components/layout/empty-state';
import { PageHeader } from '@/components/layout/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('insights'))('title') };
}

export default async function Page({ params }: PageProps<'/[locale]/insights'>) {
  await enterLocale(params);
  // Layouts are not re-run on client navigation: every page checks the session itself.
  await requireSignedIn();
  const t = await getTranslations('insights');
  return (
    <>
      <PageHeader title={t('title')} />
      <EmptyState text={t('empty')} />
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { EmptyState } from '@/components/layout/empty-state';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('notifications') };
}

export default async function Page({ params }: PageProps<'/[locale]/settings/notifications'>) {
  await enterLocale(params);
  // Layouts are not re-run on client navigation: every page checks the session itself.
  await requireSignedIn();
  const t = await getTranslations();
  return (
    <section>
      <h2 className="mb-4 text-xl font-semibold">{t('settings.notifications')}</h2>
      <EmptyState text={t('common.comingSoon')} />
    </section>
  );
}

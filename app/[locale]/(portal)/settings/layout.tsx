import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { SettingsNav } from '@/components/layout/settings-nav';
import { listMyMemberships, requireSignedIn } from '@/lib/auth/gate';

export default async function SettingsLayout({ children }: LayoutProps<'/[locale]/settings'>) {
  const t = await getTranslations('settings');
  const user = await requireSignedIn();
  const isAdmin = (await listMyMemberships(user.userId)).some((membership) => membership.role === 'admin');
  return (
    <>
      <PageHeader title={t('title')} />
      <div className="grid grid-cols-1 gap-8 md:grid-cols-[14rem_minmax(0,1fr)]">
        <SettingsNav isAdmin={isAdmin} />
        <div className="min-w-0">{children}</div>
      </div>
    </>
  );
}

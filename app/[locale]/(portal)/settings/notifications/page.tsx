import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotificationSettingsForm } from '@/components/settings/notification-settings-form';
import { db } from '@/db';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getNotificationSettings } from '@/lib/notifications/queries';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('notifications') };
}

/** Innstillinger → Din bruker → Varslinger: email about new tasks and messages, per user. */
export default async function Page({ params }: PageProps<'/[locale]/settings/notifications'>) {
  await enterLocale(params);
  // Layouts are not re-run on client navigation: every page checks the session itself.
  const user = await requireSignedIn();
  const t = await getTranslations();
  const settings = await getNotificationSettings(db, user.userId);
  return (
    <ClientMessages paths={['notifications', 'users.errors']}>
      <section>
        <h2 className="mb-4 text-xl font-semibold">{t('settings.notifications')}</h2>
        <p className="mb-4 text-slate-700">{t('notifications.intro')}</p>
        <NotificationSettingsForm settings={settings} />
      </section>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { EmailChangeNote } from '@/components/users/email-change-note';
import { ProfileForm } from '@/components/users/profile-form';
import { requireSignedIn } from '@/lib/auth/gate';
import { administeredCompanies, getActiveCompanyId } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getProfile } from '@/lib/users/queries';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('profile') };
}

export default async function ProfilePage({ params }: PageProps<'/[locale]/settings/profile'>) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const t = await getTranslations('settings');
  const [profile, administered, activeCompanyId] = await Promise.all([
    getProfile(user.userId),
    administeredCompanies(),
    getActiveCompanyId(),
  ]);
  if (!profile) notFound();
  // The invite shortcut opens the company the user is working in, if they administer it.
  const inviteCompanyId = administered.find((c) => c.companyId === activeCompanyId)?.companyId ?? administered[0]?.companyId ?? null;
  return (
    <ClientMessages paths={['users.errors', 'users.profile']}>
      <section className="grid max-w-xl gap-8">
        <h2 className="text-xl font-semibold">{t('profile')}</h2>
        <ProfileForm name={profile.name} phone={profile.phone ?? ''} />
        <EmailChangeNote email={profile.email} inviteCompanyId={inviteCompanyId} />
      </section>
    </ClientMessages>
  );
}

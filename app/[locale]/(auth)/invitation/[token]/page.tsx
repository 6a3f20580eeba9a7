import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { AcceptAsMemberForm } from '@/components/users/accept-as-member-form';
import { AcceptInvitationForm } from '@/components/users/accept-invitation-form';
import { getCurrentSession } from '@/lib/auth/current-user';
import { totpUri } from '@/lib/auth/totp';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getInvitationByToken } from '@/lib/invitations/queries';
import { invitationTotpSecret } from '@/lib/invitations/token';
import { qrDataUrl } from '@/lib/auth/settings/totp-setup';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('accept.title') };
}

/**
 * Public: the invitation link. A dead link (unknown, expired, revoked, used) gets a page that says which. A new
 * address creates its account here; an existing account signs in first and then accepts here.
 */
export default async function InvitationPage(props: PageProps<'/[locale]/invitation/[token]'>) {
  return (
    <ClientMessages
      paths={[
        'auth.errors',
        'invoices.errors',
        'reports.columns',
        'reports.pdf',
        'security.password',
        'users.accept',
        'users.errors',
        'users.roles',
      ]}
    >
      {await invitationPageContent(props)}
    </ClientMessages>
  );
}

async function invitationPageContent({ params }: PageProps<'/[locale]/invitation/[token]'>) {
  const locale = await enterLocale(params);
  // Rendered per request, never cached: a link's state changes (used, revoked, expired).
  await connection();
  const { token } = await params;
  const { state, invitation } = await getInvitationByToken(token);
  const t = await getTranslations();

  if (!invitation) {
    const key = state === 'valid' ? 'unknown' : state;
    return (
      <>
        <h1 className="mb-4 text-2xl font-semibold">{t(`users.accept.${key}Title`)}</h1>
        <p className="mb-6 text-slate-700">{t(`users.accept.${key}Body`)}</p>
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t('users.accept.signIn')}
        </Link>
      </>
    );
  }
  // The page speaks the language the inviter chose for the invitee.
  if (invitation.locale !== locale) redirect(`/${invitation.locale}/invitation/${token}`);

  const companies = new Intl.ListFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { type: 'conjunction' }).format(invitation.companyNames);
  const role = t(`users.roles.${invitation.role}`);
  // Signed in (both steps): an existing account accepts here, with its owner's consent, or is told it is the wrong one.
  const live = await getCurrentSession();
  if (live?.secondFactorVerifiedAt) {
    const mine = live.email.toLowerCase() === invitation.email;
    return (
      <>
        <h1 className="mb-2 text-2xl font-semibold">{t('users.accept.memberTitle')}</h1>
        {mine ? (
          <>
            <p className="mb-6 text-sm text-slate-600">{t('users.accept.memberIntro', { email: live.email, companies, role })}</p>
            <AcceptAsMemberForm token={token} />
          </>
        ) : (
          <p role="alert" className="text-slate-700">
            {t('users.accept.otherAccount', { invited: invitation.email, current: live.email })}
          </p>
        )}
      </>
    );
  }
  const secret = invitationTotpSecret(token);
  const uri = totpUri(t('common.appName'), invitation.email, secret);
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t('users.accept.title')}</h1>
      <p className="mb-2 text-sm text-slate-600">{t('users.accept.intro', { companies, role })}</p>
      <p className="mb-6 text-sm text-slate-600">
        {t('users.accept.existingHint')}{' '}
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t('users.accept.signIn')}
        </Link>
      </p>
      <AcceptInvitationForm token={token} email={invitation.email} totpSecret={secret} totpUri={uri} qrSrc={await qrDataUrl(uri)} />
    </>
  );
}

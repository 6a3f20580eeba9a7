import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { enterLocale } from '@/lib/i18n/page-locale';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getCurrentSession } from '@/lib/auth/current-user';
import { otherLocale } from '@/lib/i18n/routing';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

export default async function LoginPage({ params, searchParams }: PageProps<'/[locale]/login'>) {
  const locale = await enterLocale(params);
  const live = await getCurrentSession();
  if (live?.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const t = await getTranslations('auth');
  const { signedOut } = await searchParams;
  return (
    <ClientMessages paths={['auth', 'invoices.errors', 'reports.columns', 'reports.pdf', 'security.sms', 'users.errors', 'users.roles']}>
      <>
        <div className="mb-6 flex items-baseline justify-between">
          <h1 className="text-2xl font-semibold">{t('signInTitle')}</h1>
          <a
            href={`/${otherLocale(locale)}/login`}
            hrefLang={otherLocale(locale)}
            lang={otherLocale(locale)}
            className="text-sm text-brand-700 underline"
          >
            {t('languageLink')}
          </a>
        </div>
        {signedOut ? (
          <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
            {t('signedOut')}
          </p>
        ) : null}
        <p className="mb-6 text-sm text-slate-600">{t('signInIntro')}</p>
        <SignInForm />
      </>
    </ClientMessages>
  );
}

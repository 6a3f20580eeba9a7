import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { enterLocale } from '@/lib/i18n/page-locale';
import { redirect } from 'next/navigation';
import { VerifyCodeForm } from '@/components/auth/verify-code-form';
import { signOutAction } from '@/lib/auth/actions';
import { getCurrentSession } from '@/lib/auth/current-user';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('verifyTitle') };
}

export default async function VerifyPage({ params }: PageProps<'/[locale]/login/verify'>) {
  const locale = await enterLocale(params);
  const live = await getCurrentSession();
  if (!live) redirect(`/${locale}/login`);
  if (live.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const t = await getTranslations('auth');
  return (
    <>
      <h1 className="mb-2 text-2xl font-semibold">{t('verifyTitle')}</h1>
      <p className="mb-6 text-sm text-slate-600">{t('verifyIntroTotp')}</p>
      <VerifyCodeForm />
      <form action={signOutAction} className="mt-6 text-center">
        <button type="submit" className="text-sm text-brand-700 underline">
          {t('cancelSignIn')}
        </button>
      </form>
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { PasskeySignIn } from '@/components/auth/passkey-sign-in';
import { SendSmsForm } from '@/components/auth/send-sms-form';
import { VerifyCodeForm } from '@/components/auth/verify-code-form';
import { db } from '@/db';
import { signOutAction } from '@/lib/auth/actions';
import { getCurrentSession } from '@/lib/auth/current-user';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { maskPhone } from '@/lib/auth/phone';
import { recoveryCodeRequired } from '@/lib/auth/second-factor';
import { listSignInMethods } from '@/lib/auth/settings/queries';
import { hasOpenSignInSms } from '@/lib/auth/sign-in-sms';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('verifyTitle') };
}

type StepMethod = 'totp' | 'sms' | 'passkey' | 'recovery';
const LABEL = { totp: 'methodTotp', sms: 'methodSms', passkey: 'methodPasskey', recovery: 'methodRecovery' } as const;

/**
 * The second step: the preferred method first, the others (and a recovery code) behind "Bruk en annen metode";
 * only a recovery code after too many failures since the last sign-in.
 */
export default async function VerifyPage({ params, searchParams }: PageProps<'/[locale]/login/verify'>) {
  const locale = await enterLocale(params);
  const live = await getCurrentSession();
  if (!live) redirect(`/${locale}/login`);
  if (live.secondFactorVerifiedAt) redirect(`/${live.locale}/cases`);
  const t = await getTranslations('auth');
  const { methods, smsPhone } = await listSignInMethods(db, live.userId);
  const recoveryOnly = await recoveryCodeRequired(db, live.userId);
  const offered: StepMethod[] = recoveryOnly ? ['recovery'] : [...methods, 'recovery'];
  const asked = (await searchParams).method;
  const method = offered.find((m) => m === asked) ?? offered[0] ?? 'totp';
  const others = offered.filter((m) => m !== method);
  // Truthful: "we have sent" only when a usable code exists (sent by the password step or "Send SMS-kode").
  const smsSent = method === 'sms' && (await hasOpenSignInSms(db, live.userId));
  const phone = smsPhone ? maskPhone(smsPhone) : '';
  return (
    <ClientMessages paths={['auth', 'invoices.errors', 'reports.columns', 'reports.pdf', 'security.sms', 'users.errors', 'users.roles']}>
      <>
        <h1 className="mb-2 text-2xl font-semibold">{t('verifyTitle')}</h1>
        {recoveryOnly ? (
          <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t('recoveryOnly')}
          </p>
        ) : null}
        {method === 'totp' ? <p className="mb-6 text-sm text-slate-600">{t('verifyIntroTotp')}</p> : null}
        {method === 'sms' ? (
          <p className="mb-6 text-sm text-slate-600">{t(smsSent ? 'verifyIntroSms' : 'verifyIntroSmsNotSent', { phone })}</p>
        ) : null}
        {method === 'recovery' ? <p className="mb-6 text-sm text-slate-600">{t('verifyIntroRecovery')}</p> : null}
        {method === 'passkey' ? <p className="mb-6 text-sm text-slate-600">{t('verifyIntroPasskey')}</p> : null}
        {method === 'sms' ? (
          <div className="mb-4">
            <SendSmsForm />
          </div>
        ) : null}
        {method === 'passkey' ? <PasskeySignIn /> : <VerifyCodeForm key={method} method={method} />}
        {others.length > 0 ? (
          <nav aria-labelledby="other-methods" className="mt-6 grid gap-2 text-sm">
            <h2 id="other-methods" className="font-medium">
              {t('useAnotherMethod')}
            </h2>
            <ul className="flex flex-wrap gap-3">
              {others.map((other) => (
                <li key={other}>
                  <Link href={{ pathname: '/login/verify', query: { method: other } }} className="text-brand-700 underline">
                    {t(LABEL[other])}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <form action={signOutAction} className="mt-6 text-center">
          <button type="submit" className="text-sm text-brand-700 underline">
            {t('cancelSignIn')}
          </button>
        </form>
      </>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/layout/client-messages';
import { DebtorShell } from '@/components/debtors/debtor-shell';
import { Button } from '@/components/ui/button';
import { LetterSignInForm } from '@/components/debtors/letter-sign-in-form';
import { bankIdAvailable } from '@/lib/debtors/oidc-config';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('minSide'))('signIn.title') };
}

/** Min side's sign-in: BankID (OpenID Connect), or the case number and the code printed on a letter. */
export default async function DebtorLoginPage({ params, searchParams }: PageProps<'/[locale]/min-side/login'>) {
  const locale = await enterLocale(params);
  const t = await getTranslations('minSide');
  const { signedOut, failed } = await searchParams;
  return (
    <ClientMessages paths={['minSide']}>
      <DebtorShell>
        <div className="mx-auto max-w-xl">
          <h1 className="mb-2 text-2xl font-semibold">{t('signIn.title')}</h1>
          <p className="mb-6 text-slate-700">{t('intro')}</p>
          {signedOut ? (
            <p role="status" className="mb-4 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
              {t('signIn.signedOut')}
            </p>
          ) : null}
          {failed ? (
            <p role="alert" className="mb-4 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
              {t('signIn.bankidFailed')}
            </p>
          ) : null}
          <section aria-labelledby="bankid-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="bankid-heading" className="mb-2 text-lg font-semibold">
              {t('signIn.bankidHeading')}
            </h2>
            {bankIdAvailable() ? (
              <>
                <p className="mb-4 text-sm text-slate-700">{t('signIn.bankidIntro')}</p>
                <form method="post" action={`/api/min-side/bankid?locale=${locale}`}>
                  <Button type="submit" className="w-full sm:w-auto">
                    {t('signIn.bankidButton')}
                  </Button>
                </form>
              </>
            ) : (
              <p className="text-sm text-slate-700">{t('signIn.bankidUnavailable')}</p>
            )}
          </section>
          <section aria-labelledby="code-heading" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="code-heading" className="mb-2 text-lg font-semibold">
              {t('signIn.codeHeading')}
            </h2>
            <p className="mb-4 text-sm text-slate-700">{t('signIn.codeIntro')}</p>
            <LetterSignInForm />
          </section>
        </div>
      </DebtorShell>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BetaForm } from '@/components/invoices/beta-form';
import { requireSignedIn } from '@/lib/auth/gate';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getBetaEnabled } from '@/lib/invoices/queries';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('beta') };
}

export default async function Page({ params }: PageProps<'/[locale]/settings/beta'>) {
  await enterLocale(params);
  // Layouts are not re-run on client navigation: every page checks the session itself.
  const user = await requireSignedIn();
  const t = await getTranslations();
  return (
    <ClientMessages
      paths={[
        'cases.errors',
        'invoices.beta',
        'invoices.customer',
        'invoices.errors',
        'payments.errors',
        'reports.columns',
        'reports.pdf',
        'users.errors',
        'users.roles',
      ]}
    >
      <section>
        <h2 className="mb-2 text-xl font-semibold">{t('settings.beta')}</h2>
        <p className="mb-4 text-sm text-slate-700">{t('invoices.beta.intro')}</p>
        <BetaForm enabled={await getBetaEnabled(user.userId)} />
      </section>
    </ClientMessages>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { ConsentForm } from '@/components/debtor-actions/consent-form';
import { db } from '@/db';
import { requireDebtor } from '@/lib/auth/gate';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { consentSubjectOf, getActiveConsent } from '@/lib/letter-consents/mutations';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.consent'))('title') };
}

/** Brev i Min side: the consent in force (what, to where, since when), to give, change or withdraw. With a letter code: for that one case. */
export default async function DebtorSettingsPage({ params }: PageProps<'/[locale]/min-side/settings'>) {
  const locale = await enterLocale(params);
  const debtor = await requireDebtor();
  const t = await getTranslations('debtorActions.consent');
  const consent = await getActiveConsent(db, consentSubjectOf(debtor));
  return (
    <ClientMessages
      paths={[
        'caseMessages.errors',
        'cases.errors',
        'debtorActions.consent',
        'debtorActions.messages',
        'debtorActions.object',
        'debtorActions.pay',
        'debtorActions.plan',
        'debtorPayments.errors',
        'engine.errors',
        'invoices.errors',
        'minSide.errors',
        'minSide.languageLink',
        'payments.errors',
        'users.errors',
        'users.roles',
      ]}
    >
      <ActionFrame caseId={debtor.kind === 'letterCode' ? debtor.caseId : null} title={t('title')} intro={t('intro')}>
        <p role="status" className="mb-6 rounded-md border border-slate-300 px-4 py-3 text-sm">
          {consent
            ? t('active', { channel: consent.channel, address: consent.address, date: formatDate(consent.grantedAt, locale) })
            : t('none')}
        </p>
        <ConsentForm hasConsent={Boolean(consent)} />
      </ActionFrame>
    </ClientMessages>
  );
}

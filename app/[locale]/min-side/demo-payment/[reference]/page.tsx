import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { LocalPaymentForm } from '@/components/debtor-actions/local-payment-form';
import { requireDebtor } from '@/lib/auth/gate';
import { onlinePaymentOfDebtor } from '@/lib/debtor-actions/queries';
import { enterLocale } from '@/lib/i18n/page-locale';
import { formatOre } from '@/lib/money';
import { localProviderAllowed } from '@/lib/online-payments/config';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.demoPayment'))('title') };
}

/** The demo's "payment app" (the local provider): refused outside the demo; only the debtor's own pending payment. */
export default async function DemoPaymentPage({ params }: PageProps<'/[locale]/min-side/demo-payment/[reference]'>) {
  const locale = await enterLocale(params);
  if (!localProviderAllowed()) notFound();
  const debtor = await requireDebtor();
  const payment = await onlinePaymentOfDebtor(debtor, decodeURIComponent((await params).reference));
  if (!payment || payment.provider !== 'local' || payment.status !== 'pending') notFound();
  const t = await getTranslations('debtorActions.demoPayment');
  return (
    <ClientMessages
      paths={[
        'caseMessages.errors',
        'cases.errors',
        'debtorActions.consent',
        'debtorActions.demoPayment.approve',
        'debtorActions.demoPayment.decline',
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
      <ActionFrame caseId={payment.caseId} title={t('title')} intro={t('intro')}>
        <p className="mb-6 text-lg font-semibold">
          {t('amount')}: {formatOre(payment.amountOre, locale)}
        </p>
        <LocalPaymentForm reference={payment.reference} />
      </ActionFrame>
    </ClientMessages>
  );
}

import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { PayForm } from '@/components/debtor-actions/pay-form';
import { requireDebtorCase } from '@/lib/auth/gate';
import { getCaseDetail } from '@/lib/cases/queries';
import { onlinePaymentOfDebtor } from '@/lib/debtor-actions/queries';
import { enterLocale } from '@/lib/i18n/page-locale';
import { formatOreForInput } from '@/lib/money';
import { configuredProviderName } from '@/lib/online-payments/config';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.pay'))('title') };
}

/** Betal nå, and where the provider sends the debtor back (?reference=…): the payment's outcome. */
export default async function PayPage({ params, searchParams }: PageProps<'/[locale]/min-side/cases/[caseId]/pay'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireDebtorCase(caseId);
  const detail = await getCaseDetail(actor.companyId, caseId);
  if (!detail) notFound();
  const t = await getTranslations('debtorActions.pay');
  const reference = (await searchParams).reference;
  const returned = typeof reference === 'string' ? await onlinePaymentOfDebtor(actor, reference) : null;
  const outcome = returned ? (returned.status === 'approved' ? 'approved' : returned.status === 'pending' ? 'pending' : 'declined') : null;
  const open = (detail.status === 'active' || detail.status === 'paused') && detail.claim.totalOre > 0;
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
      <ActionFrame caseId={caseId} title={t('title')} intro={t('intro')}>
        {outcome ? (
          <p
            role="status"
            className={`mb-6 rounded-md border px-4 py-3 text-sm ${outcome === 'approved' ? 'border-green-300 bg-green-50 text-green-900' : 'border-amber-300 bg-amber-50 text-amber-900'}`}
          >
            {t(outcome)}
          </p>
        ) : null}
        {!configuredProviderName() ? (
          <p className="text-sm">{t('unavailableNotice')}</p>
        ) : open ? (
          <PayForm
            caseId={caseId}
            locale={locale}
            amount={formatOreForInput(detail.claim.totalOre, locale)}
            idempotencyKey={randomUUID()}
          />
        ) : (
          <p className="text-sm">{t('errors.nothingOwed')}</p>
        )}
      </ActionFrame>
    </ClientMessages>
  );
}

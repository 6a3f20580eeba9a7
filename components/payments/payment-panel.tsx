import { randomUUID } from 'node:crypto';
import { getTranslations } from 'next-intl/server';
import { RolesNote } from '@/components/cases/roles-note';
import { todayInOslo } from '@/lib/dates';
import type { CaseDetail } from '@/lib/cases/queries';
import { acceptsPayments } from '@/lib/cases/status-rules';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { Link } from '@/lib/i18n/navigation';
import { formatOre } from '@/lib/money';
import { RegisterPaymentForm } from './register-payment-form';

/** Endre sak → Registrer betaling (`?action=payment`): the form, or why it cannot be used here. */
export async function PaymentPanel({ detail, canWrite, locale }: { detail: CaseDetail; canWrite: boolean; locale: Locale }) {
  const t = await getTranslations();
  const refusal = !canWrite ? t('common.errors.notAllowed') : !acceptsPayments(detail.status) ? t('payments.notOpen') : null;
  return (
    <section aria-labelledby="payment-heading" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="payment-heading" className="text-lg font-semibold">
        {t('payments.title')}
      </h2>
      {refusal ? (
        <>
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {refusal}
          </p>
          <Link href={`/cases/${detail.id}`} className="text-sm text-brand-700 underline">
            {t('cases.detail.back')}
          </Link>
        </>
      ) : (
        <>
          {detail.autocollectEnabled ? (
            <p id="payment-autocollect" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t('payments.autocollect')}
            </p>
          ) : (
            <p className="text-sm text-slate-700">{t('payments.intro')}</p>
          )}
          <RegisterPaymentForm
            caseId={detail.id}
            locale={locale}
            idempotencyKey={randomUUID()}
            invoices={detail.invoices.map((invoice) => ({
              id: invoice.id,
              label: t('payments.invoiceOption', {
                invoiceNumber: invoice.invoiceNumber,
                amount: formatOre(invoice.amountOre, locale, invoice.currency),
                issuedOn: formatDate(invoice.issuedOn, locale),
              }),
            }))}
            today={todayInOslo()}
            currency={detail.currency}
            outstanding={formatOre(detail.claim.totalOre, locale, detail.currency)}
            isDisabled={detail.autocollectEnabled}
            disabledReasonId={detail.autocollectEnabled ? 'payment-autocollect' : undefined}
          />
        </>
      )}
      <RolesNote text={t('cases.detail.writeRolesNote')} />
    </section>
  );
}

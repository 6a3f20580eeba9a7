import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AssignPaymentForm } from '@/components/desk/assign-payment-form';
import { ImportPaymentsForm } from '@/components/desk/import-payments-form';
import { RegisterDebtorPaymentForm } from '@/components/desk/register-debtor-payment-form';
import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/gate';
import { todayInOslo } from '@/lib/dates';
import { listAllocatedPayments, listUnmatchedPayments } from '@/lib/debtor-payments/queries';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { formatOre } from '@/lib/money';
import { TableScroll } from '@/components/ui/table-scroll';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk.payments'))('title'), robots: { index: false } };
}

const CELL = 'px-3 py-2 text-left align-top';
const NUM = 'px-3 py-2 text-right tabular-nums whitespace-nowrap align-top';

/** Debtor payments by KID: register one, import a bank file, assign the unmatched, see the latest splits. */
export default async function DeskPaymentsPage({ params }: PageProps<'/[locale]/desk/payments'>) {
  const locale = await enterLocale(params);
  await requireStaff();
  const t = await getTranslations('desk.payments');
  const reasons = await getTranslations('debtorPayments.reasons');
  const [unmatched, allocated] = await Promise.all([listUnmatchedPayments(), listAllocatedPayments()]);
  const money = (ore: number) => formatOre(ore, locale);
  return (
    <ClientMessages paths={['cases.errors', 'debtorPayments', 'desk.payments', 'payments.errors', 'users.errors']}>
      <>
        <PageHeader title={t('title')} />
        <div className="grid gap-8 lg:grid-cols-2">
          <section>
            <h2 className="mb-3 text-lg font-semibold">{t('registerHeading')}</h2>
            <RegisterDebtorPaymentForm today={todayInOslo()} />
          </section>
          <section>
            <h2 className="mb-3 text-lg font-semibold">{t('importHeading')}</h2>
            <ImportPaymentsForm />
          </section>
        </div>
        <section className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{t('unmatchedHeading')}</h2>
          {unmatched.length === 0 ? (
            <p className="text-sm text-slate-700">{t('unmatchedEmpty')}</p>
          ) : (
            <TableScroll label={t('unmatchedHeading')} className="rounded-lg border border-slate-200 bg-white">
              <table className="min-w-full text-sm">
                <thead className="bg-slate-50">
                  <tr>
                    <th className={CELL}>{t('paidOn')}</th>
                    <th className={CELL}>{t('kid')}</th>
                    <th className={NUM}>{t('amount')}</th>
                    <th className={CELL}>{t('payer')}</th>
                    <th className={CELL}>{t('bankReference')}</th>
                    <th className={CELL}>{t('reason')}</th>
                    <th className={CELL}>{t('assign')}</th>
                  </tr>
                </thead>
                <tbody>
                  {unmatched.map((payment) => (
                    <tr key={payment.id} className="border-t border-slate-100">
                      <td className={CELL}>{formatDate(payment.paidOn, locale)}</td>
                      <td className={`${CELL} font-mono`}>{payment.kid}</td>
                      <td className={NUM}>{money(payment.amountOre)}</td>
                      <td className={CELL}>{payment.payer}</td>
                      <td className={CELL}>{payment.bankReference}</td>
                      <td className={CELL}>{payment.reason ? reasons(payment.reason as 'unknownKid') : ''}</td>
                      <td className={CELL}>
                        <AssignPaymentForm paymentId={payment.id} label={t('assignLabel', { reference: payment.bankReference })} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <section className="mt-8">
          <h2 className="mb-3 text-lg font-semibold">{t('recentHeading')}</h2>
          <TableScroll label={t('recentHeading')} className="rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th className={CELL}>{t('paidOn')}</th>
                  <th className={CELL}>{t('company')}</th>
                  <th className={CELL}>{t('case')}</th>
                  <th className={NUM}>{t('amount')}</th>
                  <th className={CELL}>{t('split')}</th>
                  <th className={NUM}>{t('credit')}</th>
                </tr>
              </thead>
              <tbody>
                {allocated.map((payment) => (
                  <tr key={payment.id} className="border-t border-slate-100">
                    <td className={CELL}>{formatDate(payment.paidOn, locale)}</td>
                    <td className={CELL}>{payment.companyName}</td>
                    <td className={CELL}>{payment.caseNumber}</td>
                    <td className={NUM}>{money(payment.amountOre)}</td>
                    <td className={CELL}>
                      {t('splitText', {
                        principal: money(payment.principalOre),
                        interest: money(payment.interestOre),
                        fee: money(payment.feeOre),
                      })}
                    </td>
                    <td className={NUM}>{payment.creditOre > 0 ? money(payment.creditOre) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      </>
    </ClientMessages>
  );
}

import { getTranslations } from 'next-intl/server';
import { PortalLink } from '@/components/case-list/portal-link';
import { requireCompanies } from '@/lib/auth/gate';
import type { Locale } from '@/lib/i18n/routing';
import { listMyPendingDrafts } from '@/lib/invoices/queries';
import { formatOre } from '@/lib/money';

/** The user's own manual invoices the job has not turned into cases yet ("being registered"), or refused. */
export async function PendingInvoices({ locale }: { locale: Locale }) {
  const scope = await requireCompanies('write');
  const drafts = await listMyPendingDrafts(scope.userId, scope.companyIds);
  if (drafts.length === 0) return null;
  const t = await getTranslations('invoices');
  const reason = (key: string | null, values: Record<string, string> | null) => {
    const local = (key ?? '').replace(/^invoices\./, '');
    return local && t.has(local as never) ? t(local as never, (values ?? {}) as never) : t('errors.jobInvalid');
  };
  return (
    <section aria-labelledby="pending-invoices-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="pending-invoices-heading" className="text-base font-semibold">
        {t('pending.title')}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t('pending.hint')}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('pending.invoiceNumber')}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('pending.customer')}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('pending.company')}
              </th>
              <th scope="col" className="py-2 pr-4 text-right font-medium">
                {t('pending.amount')}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t('pending.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => (
              <tr key={draft.id} className="border-t border-slate-100 align-top">
                <td className="py-2 pr-4 font-medium">{draft.invoice?.invoiceNumber}</td>
                <td className="py-2 pr-4">{draft.customer.name}</td>
                <td className="py-2 pr-4">{draft.companyName}</td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {draft.invoice ? formatOre(draft.invoice.amountOre, locale, draft.invoice.currency) : ''}
                </td>
                <td className="py-2">
                  {draft.status === 'failed' ? (
                    <span className="grid gap-1">
                      <span className="font-medium text-red-800">{t('pending.failed')}</span>
                      <span>
                        {t('pending.failedNotice', {
                          invoiceNumber: draft.invoice?.invoiceNumber ?? '',
                          reason: reason(draft.failureKey, draft.failureData),
                        })}
                      </span>
                      <PortalLink href={`/cases/new?draft=${draft.id}`} locale={locale} className="font-medium text-brand-700 underline">
                        {t('pending.fix')}
                      </PortalLink>
                    </span>
                  ) : (
                    t('pending.being')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { listWebhookDeliveries, listWebhookEndpoints } from '@/lib/integrations/webhooks/queries';
import { AddEndpointForm, RemoveEndpointForm, ResendDeliveryForm } from './webhook-forms';

const REASONS = ['refusedUrl', 'refusedAddress', 'unresolved', 'timeout', 'unreachable'] as const;

/** Integrasjoner → Webhooks: the endpoints, and the latest deliveries with the receiver's answer. */
export async function WebhooksSection({ companyId, locale }: { companyId: string; locale: Locale }) {
  const t = await getTranslations('integrations.webhooks');
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(companyId), listWebhookDeliveries(companyId)]);
  // Only the status code or a fixed reason is shown (and stored): never what the receiver wrote back.
  const answer = (status: number | null, reason: string | null) => {
    if (status !== null) return t('reasons.http', { status });
    if (reason === null) return '–';
    return (REASONS as readonly string[]).includes(reason) ? t(`reasons.${reason as (typeof REASONS)[number]}`) : t('reasons.other');
  };
  return (
    <section aria-labelledby="webhooks-heading" className="grid gap-3">
      <h3 id="webhooks-heading" className="text-lg font-semibold">
        {t('title')}
      </h3>
      <p className="max-w-2xl text-sm text-slate-600">{t('intro')}</p>
      <AddEndpointForm companyId={companyId} />
      {endpoints.length > 0 ? (
        <ul className="grid gap-2">
          {endpoints.map((endpoint) => (
            <li
              key={endpoint.id}
              className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white px-3 py-2"
            >
              <span className="min-w-0 font-mono text-sm break-all">{endpoint.url}</span>
              <RemoveEndpointForm companyId={companyId} endpointId={endpoint.id} url={endpoint.url} />
            </li>
          ))}
        </ul>
      ) : null}
      <h4 className="font-semibold">{t('deliveries')}</h4>
      {deliveries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noDeliveries')}</p>
      ) : (
        <TableScroll label={t('deliveries')}>
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('columns.event')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.created')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.response')}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t('columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} className="border-b border-slate-200 align-top">
                  <td className="px-3 py-2 font-mono">{d.eventType}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(d.createdAt, locale)}</td>
                  <td className="px-3 py-2">{t(`status.${d.status}`, { attempts: d.attempts })}</td>
                  <td className="px-3 py-2 break-all">{answer(d.lastStatusCode, d.lastError)}</td>
                  <td className="px-3 py-2">
                    <ResendDeliveryForm companyId={companyId} deliveryId={d.id} canResend={d.status !== 'pending'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

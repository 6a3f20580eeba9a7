import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { listCaseAttachments } from '@/lib/invoices/queries';

/** The invoices' PDFs on the case page: plain download links through the gated route (the portal's, or Min side's). */
export async function CaseAttachments({
  companyId,
  caseId,
  locale,
  routeBase = '/api/cases',
}: {
  companyId: string;
  caseId: string;
  locale: Locale;
  routeBase?: '/api/cases' | '/api/min-side/cases';
}) {
  const attachments = await listCaseAttachments(companyId, caseId);
  if (attachments.length === 0) return null;
  const t = await getTranslations('invoices.attachments');
  return (
    <section aria-labelledby="attachments-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="attachments-heading" className="mb-3 text-lg font-semibold">
        {t('title')}
      </h2>
      <ul className="grid gap-2 text-sm">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <a
              href={`${routeBase}/${caseId}/attachments/${attachment.id}?locale=${locale}`}
              className="break-all font-medium text-brand-700 underline"
            >
              {t('download', { fileName: attachment.fileName })}
            </a>
            <span className="text-slate-600"> ({attachment.invoiceNumber})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

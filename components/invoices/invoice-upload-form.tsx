import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import type { Locale } from '@/lib/i18n/routing';

/** The outcomes the upload route sends back (`?upload=`), and the message each shows. */
const OUTCOMES = {
  saved: 'upload.saved',
  pdfTooLarge: 'errors.pdfTooLarge',
  pdfInvalid: 'errors.pdfInvalid',
  pdfMissing: 'errors.pdfMissing',
  draftNotFound: 'errors.draftNotFound',
  alreadySubmitted: 'errors.alreadySubmitted',
} as const;

/**
 * + Ny faktura, step 2 → the invoice's PDF: a plain multipart form posted to the upload route (never a server action,
 * so no action carries 10 MB), which answers with a redirect back here; the same with or without JavaScript.
 */
export async function InvoiceUploadForm({
  locale,
  draftId,
  attachmentName,
  outcome,
}: {
  locale: Locale;
  draftId: string;
  attachmentName: string | null;
  outcome: string | undefined;
}) {
  const t = await getTranslations('invoices');
  const known = outcome && Object.hasOwn(OUTCOMES, outcome) ? (outcome as keyof typeof OUTCOMES) : null;
  const hint = attachmentName
    ? `${t('wizard.attachmentHint')} ${t('wizard.attachmentKept', { fileName: attachmentName })}`
    : t('wizard.attachmentHint');
  return (
    <form
      method="post"
      action={`/api/invoices/drafts/${draftId}/attachment?locale=${locale}`}
      encType="multipart/form-data"
      className="mb-6 grid max-w-2xl gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <p className="text-sm text-slate-700">{t('upload.intro')}</p>
      <Field label={t('wizard.attachment')} hint={hint} error={known && known !== 'saved' ? t(OUTCOMES[known]) : undefined}>
        <input name="attachment" type="file" accept="application/pdf,.pdf" required className="block w-full text-sm text-slate-900" />
      </Field>
      <FormStatus text={known ? t(OUTCOMES[known]) : undefined} tone={known === 'saved' ? 'success' : known ? 'error' : 'idle'} />
      <div>
        <Button type="submit" variant="secondary">
          {t('upload.submit')}
        </Button>
      </div>
    </form>
  );
}

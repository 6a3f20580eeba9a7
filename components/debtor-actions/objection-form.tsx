import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import type { Locale } from '@/lib/i18n/routing';
import { OBJECTION_ERRORS, type ObjectionError, type ObjectionField } from '@/lib/objections/outcomes';
import { OBJECTION_REASONS, type ObjectionReason } from '@/lib/objections/schemas';

/**
 * Innsigelse: a reason (radio buttons), the debtor's text and files, as a plain multipart form posted to the
 * objection route (never a server action, so that a receipt may be 10 MB), which answers with a redirect back here;
 * the same with or without JavaScript. `errors` are the route's codes, each shown beside its field.
 */
export async function ObjectionForm({
  locale,
  caseId,
  errors,
  reason,
}: {
  locale: Locale;
  caseId: string;
  errors: ObjectionError[];
  reason: ObjectionReason | null;
}) {
  const t = await getTranslations('debtorActions.object');
  const beside = (field: ObjectionField) => {
    const texts = errors.filter((error) => OBJECTION_ERRORS[error] === field).map((error) => t(`errors.${error}`));
    return texts.length ? texts.join(' ') : undefined;
  };
  const reasonError = beside('reason');
  const summary = errors.length ? (beside('form') ?? t('errors.summary')) : undefined;
  return (
    <form
      method="post"
      action={`/api/min-side/cases/${caseId}/objection?locale=${locale}`}
      encType="multipart/form-data"
      className="grid gap-4"
    >
      <fieldset className="grid gap-2" aria-describedby={reasonError ? 'reason-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('reason')}</legend>
        {OBJECTION_REASONS.map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="radio" name="reason" value={value} required defaultChecked={reason === value} className="size-5" />
            {t(`reasons.${value}`)}
          </label>
        ))}
        {reasonError ? (
          <p id="reason-error" className="text-sm font-medium text-red-700">
            {reasonError}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('body')} error={beside('body')}>
        <Textarea name="body" rows={5} required minLength={10} maxLength={4000} />
      </Field>
      <Field label={t('files')} hint={t('filesHint')} error={beside('files')}>
        <input
          type="file"
          name="files"
          multiple
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          className="block w-full text-sm"
        />
      </Field>
      <FormStatus text={summary} tone={summary ? 'error' : 'idle'} />
      <div>
        <Button type="submit">{t('submit')}</Button>
      </div>
    </form>
  );
}

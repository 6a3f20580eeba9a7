import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { ClientMessages } from '@/components/layout/client-messages';
import { ObjectionForm } from '@/components/debtor-actions/objection-form';
import { FormStatus } from '@/components/ui/form-status';
import { db } from '@/db';
import { requireDebtorCase } from '@/lib/auth/gate';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getObjection } from '@/lib/objections/mutations';
import { objectionErrorOf, type ObjectionError } from '@/lib/objections/outcomes';
import { OBJECTION_REASONS } from '@/lib/objections/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.object'))('title') };
}

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * Innsigelse: the form, or the objection already sent with its status and the creditor's answer. The objection
 * route sends the debtor back here: `filed=1`, or `error=` codes (with the reason chosen) for the form to show.
 */
export default async function ObjectPage({ params, searchParams }: PageProps<'/[locale]/min-side/cases/[caseId]/object'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireDebtorCase(caseId);
  const t = await getTranslations('debtorActions.object');
  const query = await searchParams;
  const errors = (one(query.error) ?? '').split(',').flatMap((code) => objectionErrorOf(code) ?? []) satisfies ObjectionError[];
  const reason = OBJECTION_REASONS.find((known) => known === one(query.reason)) ?? null;
  const objection = await db.transaction((tx) => getObjection(tx, actor));
  return (
    <ClientMessages paths={['minSide.languageLink']}>
      <ActionFrame caseId={caseId} title={t('title')} intro={t('intro')}>
        {objection ? (
          <div className="grid gap-4">
            <FormStatus text={one(query.filed) === '1' ? t('filed') : undefined} tone="success" />
            <div className="grid gap-2 rounded-md border border-slate-300 px-4 py-3 text-sm">
              <p>{t('status', { date: formatDate(objection.createdAt, locale), reason: t(`reasons.${objection.reason}`) })}</p>
              <p className="whitespace-pre-line text-slate-700">{objection.body}</p>
              <p>{objection.answer ? t('answered', { answer: objection.answer }) : t('waiting')}</p>
            </div>
          </div>
        ) : null}
        {objection && objection.taskStatus === 'open' ? null : (
          <ObjectionForm locale={locale} caseId={caseId} errors={errors} reason={reason} />
        )}
      </ActionFrame>
    </ClientMessages>
  );
}

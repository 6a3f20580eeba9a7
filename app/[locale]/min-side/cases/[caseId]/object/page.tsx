import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { ObjectionForm } from '@/components/debtor-actions/objection-form';
import { db } from '@/db';
import { requireDebtorCase } from '@/lib/auth/gate';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { getObjection } from '@/lib/objections/mutations';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.object'))('title') };
}

/** Innsigelse: the form, or the objection already sent with its status and the creditor's answer. */
export default async function ObjectPage({ params }: PageProps<'/[locale]/min-side/cases/[caseId]/object'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireDebtorCase(caseId);
  const t = await getTranslations('debtorActions.object');
  const objection = await db.transaction((tx) => getObjection(tx, actor));
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
        {objection ? (
          <div className="grid gap-2 rounded-md border border-slate-300 px-4 py-3 text-sm" role="status">
            <p>{t('status', { date: formatDate(objection.createdAt, locale), reason: t(`reasons.${objection.reason}`) })}</p>
            <p className="whitespace-pre-line text-slate-700">{objection.body}</p>
            <p>{objection.answer ? t('answered', { answer: objection.answer }) : t('waiting')}</p>
          </div>
        ) : null}
        {objection && objection.taskStatus === 'open' ? null : <ObjectionForm caseId={caseId} />}
      </ActionFrame>
    </ClientMessages>
  );
}

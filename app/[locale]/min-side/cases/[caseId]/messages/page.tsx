import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { DebtorMessageForm } from '@/components/debtor-actions/message-form';
import { requireDebtorCase } from '@/lib/auth/gate';
import { listDebtorThread } from '@/lib/debtor-actions/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.messages'))('title') };
}

export default async function DebtorMessagesPage({ params }: PageProps<'/[locale]/min-side/cases/[caseId]/messages'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireDebtorCase(caseId);
  const t = await getTranslations('debtorActions.messages');
  const thread = await listDebtorThread(actor.companyId, caseId);
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
        {thread.length === 0 ? <p className="mb-6 text-sm text-slate-600">{t('empty')}</p> : null}
        <ul className="mb-6 grid gap-3">
          {thread.map((message) => (
            <li
              key={message.id}
              className={`rounded-md border px-4 py-3 text-sm ${message.fromDebtor ? 'border-slate-300' : 'border-slate-200 bg-slate-50'}`}
            >
              <p className="mb-1 text-slate-600">
                {t(message.fromDebtor ? 'yours' : 'agency', { date: formatDateTime(message.createdAt, locale) })}
              </p>
              <p className="whitespace-pre-line">{message.body}</p>
            </li>
          ))}
        </ul>
        <DebtorMessageForm caseId={caseId} />
      </ActionFrame>
    </ClientMessages>
  );
}

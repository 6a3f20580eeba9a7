import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CreateTaskForm } from '@/components/desk/create-task-form';
import { DeskCaseSummary } from '@/components/desk/desk-case-summary';
import { AgreementForm } from '@/components/engine/agreement-form';
import { CollectionPanel } from '@/components/engine/collection-panel';
import { getCompanyAgreement } from '@/lib/engine/queries';
import { DeskTaskList } from '@/components/desk/desk-task-list';
import { PageHeader } from '@/components/layout/page-header';
import { MessageForm } from '@/components/messages/message-form';
import { ObjectionFileLinks } from '@/components/objections/objection-file-links';
import { MessageThread } from '@/components/messages/message-thread';
import { requireStaff } from '@/lib/auth/gate';
import { listCaseObjectionFiles } from '@/lib/objections/queries';
import { getDeskCase, getDeskCaseClaim, listCaseThread, listCompanyUsers, listDeskCaseTasks } from '@/lib/desk/queries';
import { formatDate } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { z } from 'zod';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk'))('case.metaTitle'), robots: { index: false } };
}

/** A case on the desk: its tasks with the creditor's answers, a new task, and the message thread. */
export default async function DeskCasePage({ params }: PageProps<'/[locale]/desk/cases/[caseId]'>) {
  const locale = await enterLocale(params);
  await requireStaff();
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  const found = await getDeskCase(caseId);
  if (!found) notFound();
  const [tasks, thread, users, claim, files] = await Promise.all([
    listDeskCaseTasks(found.companyId, found.id),
    listCaseThread(found.companyId, found.id),
    listCompanyUsers(found.companyId),
    getDeskCaseClaim(found),
    listCaseObjectionFiles(null, found.id),
  ]);
  const t = await getTranslations('desk');
  const tc = await getTranslations('caseList');
  const tt = await getTranslations('desk.tasks');
  const tcase = await getTranslations('cases');
  return (
    <ClientMessages
      paths={[
        'caseMessages',
        'cases.errors',
        'debtorActions.messages',
        'desk.errors',
        'desk.tasks',
        'engine',
        'invoices.errors',
        'reports.columns',
        'reports.pdf',
        'tasks.errors',
        'users.errors',
        'users.roles',
      ]}
    >
      <>
        <PageHeader title={t('case.title', { caseNumber: String(found.caseNumber), debtor: found.debtorName })} />
        <DeskCaseSummary
          companyName={found.companyName}
          statusLabel={tc(`status.${found.status}`)}
          currency={found.currency}
          registeredAt={found.registeredAt}
          claim={claim}
          locale={locale}
          text={{
            company: tc('columns.company'),
            status: tc('columns.status'),
            outstandingToday: tcase('detail.outstandingToday'),
            accruedInterest: tcase('detail.accruedInterest'),
            rateMissing: claim.rateMissingFrom ? tcase('detail.rateMissing', { date: formatDate(claim.rateMissingFrom, locale) }) : null,
            registered: tc('columns.registered'),
          }}
        />
        {found.status === 'closed' || found.status === 'withdrawn' ? (
          <p className="mb-6">
            <Link href={`/desk/cases/${found.id}/statement`} className="font-medium text-brand-700 underline">
              {(await getTranslations('statement'))('link')}
            </Link>
          </p>
        ) : null}
        <div className="mb-6">
          <CollectionPanel companyId={found.companyId} caseId={found.id} side="agency" canWrite locale={locale} />
        </div>
        <details className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium text-brand-700">
            {(await getTranslations('engine.agreement'))('heading', { company: found.companyName })}
          </summary>
          <div className="mt-3">
            <AgreementForm companyId={found.companyId} companyName={found.companyName} {...await getCompanyAgreement(found.companyId)} />
          </div>
        </details>
        <div className="grid gap-8 lg:grid-cols-2">
          <section aria-labelledby="desk-tasks-heading" className="grid content-start gap-4">
            <h2 id="desk-tasks-heading" className="text-lg font-semibold">
              {tt('heading')}
            </h2>
            <DeskTaskList tasks={tasks} locale={locale} />
            <ObjectionFileLinks files={files} desk />
            <section aria-labelledby="new-task-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id="new-task-heading" className="mb-3 font-semibold">
                {tt('new')}
              </h3>
              <CreateTaskForm caseId={found.id} companyName={found.companyName} users={users} />
            </section>
          </section>
          <section aria-labelledby="desk-messages-heading" className="grid content-start gap-4">
            <h2 id="desk-messages-heading" className="text-lg font-semibold">
              {t('messages.heading')}
            </h2>
            <MessageThread caseId={found.id} messages={thread} locale={locale} />
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <MessageForm caseId={found.id} side="agency" />
            </div>
            <section aria-labelledby="desk-reply-debtor-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id="desk-reply-debtor-heading" className="mb-3 font-semibold">
                {(await getTranslations('caseMessages'))('replyHeading')}
              </h3>
              <MessageForm caseId={found.id} side="debtor" />
            </section>
          </section>
        </div>
      </>
    </ClientMessages>
  );
}

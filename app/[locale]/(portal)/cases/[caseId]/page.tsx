import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CaseHistory } from '@/components/cases/case-history';
import { CollectionPanel } from '@/components/engine/collection-panel';
import { CaseNotice } from '@/components/cases/case-notice';
import { CaseOverview } from '@/components/cases/case-overview';
import { CaseSummary } from '@/components/cases/case-summary';
import { CaseTabs } from '@/components/cases/case-tabs';
import { EditMenu, ManageMenu } from '@/components/cases/manage-menu';
import { PaymentInfoPanel } from '@/components/cases/payment-info-panel';
import { RolesNote } from '@/components/cases/roles-note';
import { StatusChangePanel } from '@/components/cases/status-change-panel';
import { CaseAttachments } from '@/components/invoices/case-attachments';
import { PageHeader } from '@/components/layout/page-header';
import { MessageForm } from '@/components/messages/message-form';
import { CaseTasksPanel } from '@/components/tasks/case-tasks-panel';
import { PaymentPanel } from '@/components/payments/payment-panel';
import { requireCaseRole } from '@/lib/auth/gate';
import { roleAtLeast } from '@/lib/roles';
import { todayInOslo } from '@/lib/dates';
import { eventTypesFor } from '@/lib/cases/history-activities';
import { parseCasePageQuery } from '@/lib/cases/page-query';
import { paymentInfoFor } from '@/lib/cases/payment-info';
import { getCaseDetail, listCaseHistory } from '@/lib/cases/queries';
import { acceptsPayments, allowedActions } from '@/lib/cases/status-rules';
import { env } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { listCaseObjectionFiles } from '@/lib/objections/queries';
import { listCaseTasks } from '@/lib/tasks/queries';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cases'))('detail.metaTitle') };
}

/** A case: Oversikt / Historikk, Behandle and Endre sak. The gate finds the case's company. */
export default async function CasePage({ params, searchParams }: PageProps<'/[locale]/cases/[caseId]'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const rawQuery = await searchParams;
  const query = parseCasePageQuery(rawQuery);
  // Gå til sak (Innsikt) names the task to show first.
  const highlightTask = typeof rawQuery.task === 'string' ? rawQuery.task : null;
  const actor = await requireCaseRole(caseId, 'read');
  const companyId = actor.companyId;
  const detail = await getCaseDetail(companyId, caseId);
  if (!detail) notFound();

  const t = await getTranslations('cases');
  const canWrite = roleAtLeast(actor.role, 'write');
  const { AGENCY_NAME, AGENCY_ACCOUNT_NUMBER } = env();
  const actionView = query.confirm ?? (query.isPaymentForm ? 'payment' : null);

  return (
    <ClientMessages
      paths={[
        'caseMessages',
        'cases.errors',
        'cases.manage',
        'cases.paymentInfo',
        'debtorActions.messages',
        'desk.errors',
        'desk.tasks',
        'engine',
        'invoices.errors',
        'payments',
        'reports.columns',
        'reports.pdf',
        'tasks',
        'users.errors',
        'users.roles',
      ]}
    >
      <>
        <PageHeader
          title={t('detail.title', { caseNumber: String(detail.caseNumber), debtor: detail.debtor.name })}
          actions={
            canWrite ? (
              <div className="relative flex w-full gap-2 sm:w-auto">
                <ManageMenu caseId={detail.id} actions={allowedActions(detail.status)} />
                {acceptsPayments(detail.status) ? <EditMenu caseId={detail.id} isAutocollect={detail.autocollectEnabled} /> : null}
              </div>
            ) : null
          }
        />
        {query.notice ? <CaseNotice notice={query.notice} /> : null}
        {canWrite ? null : (
          <div className="mb-6 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
            <RolesNote text={t('detail.readOnly', { company: detail.companyName })} />
          </div>
        )}
        <CaseSummary detail={detail} locale={locale} />
        {detail.status === 'closed' || detail.status === 'withdrawn' ? (
          <p className="-mt-3 mb-6">
            <Link href={`/cases/${detail.id}/statement`} className="font-medium text-brand-700 underline">
              {(await getTranslations('statement'))('link')}
            </Link>
          </p>
        ) : null}
        {actionView === 'payment' ? <PaymentPanel detail={detail} canWrite={canWrite} locale={locale} /> : null}
        {actionView && actionView !== 'payment' ? (
          <StatusChangePanel caseId={detail.id} action={actionView} status={detail.status} canWrite={canWrite} />
        ) : null}
        {actionView ? null : (
          <>
            <CaseTabs caseId={detail.id} current={query.tab} />
            {query.tab === 'history' ? (
              <>
                {canWrite ? (
                  <section aria-labelledby="new-message-heading" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
                    <h2 id="new-message-heading" className="mb-2 font-semibold">
                      {t('detail.newMessage')}
                    </h2>
                    <MessageForm caseId={detail.id} side="creditor" />
                  </section>
                ) : null}
                <CaseHistory
                  companyId={companyId}
                  caseId={detail.id}
                  entries={await listCaseHistory(companyId, detail.id, eventTypesFor(query.activities))}
                  activities={query.activities}
                  openLetterId={query.letterId}
                  agencyName={AGENCY_NAME}
                  currency={detail.currency}
                  locale={locale}
                />
              </>
            ) : (
              <>
                <CaseTasksPanel
                  caseId={detail.id}
                  tasks={await listCaseTasks(companyId, detail.id)}
                  files={await listCaseObjectionFiles(companyId, detail.id)}
                  canWrite={canWrite}
                  highlightId={highlightTask}
                  today={todayInOslo()}
                  locale={locale}
                />
                <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
                  <CaseOverview detail={detail} locale={locale} />
                  <div className="space-y-6">
                    <PaymentInfoPanel
                      info={paymentInfoFor(
                        {
                          status: detail.status,
                          kid: detail.kid,
                          outstandingOre: detail.claim.totalOre,
                          latestLetterDueOn: detail.latestLetter?.dueOn ?? null,
                          pausedDaysSinceLetter: detail.pausedDaysSinceLetter,
                        },
                        AGENCY_ACCOUNT_NUMBER,
                        todayInOslo(),
                      )}
                      currency={detail.currency}
                      agencyName={AGENCY_NAME}
                      locale={locale}
                    />
                    <CaseAttachments companyId={companyId} caseId={detail.id} locale={locale} />
                    {detail.status === 'active' || detail.status === 'paused' ? (
                      <CollectionPanel companyId={companyId} caseId={detail.id} side="creditor" canWrite={canWrite} locale={locale} />
                    ) : null}
                  </div>
                </div>
              </>
            )}
          </>
        )}
      </>
    </ClientMessages>
  );
}

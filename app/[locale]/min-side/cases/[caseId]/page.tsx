import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CaseOverview } from '@/components/cases/case-overview';
import { CaseSummary } from '@/components/cases/case-summary';
import { PaymentInfoPanel } from '@/components/cases/payment-info-panel';
import { CaseActionsNav } from '@/components/debtor-actions/case-actions-nav';
import { PlanSchedule } from '@/components/debtor-actions/plan-schedule';
import { ClaimDetails } from '@/components/debtors/claim-details';
import { DebtorLetters } from '@/components/debtors/debtor-letters';
import { ClientMessages } from '@/components/layout/client-messages';
import { DebtorShell } from '@/components/debtors/debtor-shell';
import { DebtorSignOutButton } from '@/components/debtors/sign-out-button';
import { CaseAttachments } from '@/components/invoices/case-attachments';
import { requireDebtorCase } from '@/lib/auth/gate';
import { paymentInfoFor } from '@/lib/cases/payment-info';
import { getCaseDetail } from '@/lib/cases/queries';
import { todayInOslo } from '@/lib/dates';
import { getCaseArrangement } from '@/lib/debtor-actions/queries';
import { isCaseDisputed, listDebtorLetters, listRatePeriods, sumFeesByKind } from '@/lib/debtors/queries';
import { env } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('minSide'))('case.metaTitle') };
}

/**
 * One of the debtor's cases: the same Oversikt figures and payment information as the creditor's case page (the
 * same components over getCaseDetail and claimToday), what each fee is for, the rate periods, the letters.
 */
export default async function DebtorCasePage({ params }: PageProps<'/[locale]/min-side/cases/[caseId]'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireDebtorCase(caseId);
  const detail = await getCaseDetail(actor.companyId, caseId);
  if (!detail) notFound();
  const t = await getTranslations('minSide');
  const today = todayInOslo();
  const { AGENCY_NAME, AGENCY_ACCOUNT_NUMBER } = env();
  const [fees, letters, disputed, arrangement] = await Promise.all([
    sumFeesByKind(actor.companyId, caseId),
    listDebtorLetters(actor.companyId, caseId),
    isCaseDisputed(actor.companyId, caseId),
    getCaseArrangement(actor.companyId, caseId, today),
  ]);
  // The day interest runs from, as the newest letter printed it (the engine's own figure); before any letter, the due date.
  const interestFromOn = letters[0]?.interestFromOn ?? detail.dueOn;
  const periods = await listRatePeriods(interestFromOn, today);
  const info = paymentInfoFor(
    {
      status: detail.status,
      kid: detail.kid,
      outstandingOre: detail.claim.totalOre,
      latestLetterDueOn: detail.latestLetter?.dueOn ?? null,
      pausedDaysSinceLetter: detail.pausedDaysSinceLetter,
    },
    AGENCY_ACCOUNT_NUMBER,
    today,
  );
  return (
    <ClientMessages paths={['minSide', 'cases.paymentInfo']}>
      <DebtorShell signOut={<DebtorSignOutButton />}>
        {actor.kind === 'person' ? (
          <p className="mb-4 text-sm">
            <Link href="/min-side" className="text-brand-700 underline">
              {t('case.back')}
            </Link>
          </p>
        ) : (
          <p className="mb-4 text-sm text-slate-600">{t('list.signedInWithCode')}</p>
        )}
        <h1 className="mb-1 text-2xl font-semibold">{t('case.title', { caseNumber: String(detail.caseNumber) })}</h1>
        <p className="mb-6 text-slate-700">
          {t('case.creditor')}: {detail.companyName}
        </p>
        {disputed ? (
          <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
            {t('case.disputed')}
          </p>
        ) : null}
        <CaseActionsNav caseId={caseId} />
        <CaseSummary detail={detail} locale={locale} />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="grid grid-cols-1 gap-6">
            {arrangement && arrangement.status !== 'requested' && arrangement.status !== 'declined' ? (
              <PlanSchedule arrangement={arrangement} kid={detail.kid} account={AGENCY_ACCOUNT_NUMBER} locale={locale} />
            ) : null}
            <CaseOverview detail={detail} locale={locale} />
            <ClaimDetails fees={fees} periods={periods} interestFromOn={interestFromOn} currency={detail.currency} locale={locale} />
            <DebtorLetters caseId={caseId} letters={letters} currency={detail.currency} locale={locale} />
          </div>
          {/* On a phone, how to pay comes first; beside the claim on a wide screen. */}
          <div className="order-first space-y-6 lg:order-last">
            <PaymentInfoPanel info={info} currency={detail.currency} agencyName={AGENCY_NAME} locale={locale} reader="debtor" />
            <CaseAttachments companyId={actor.companyId} caseId={caseId} locale={locale} routeBase="/api/min-side/cases" />
          </div>
        </div>
      </DebtorShell>
    </ClientMessages>
  );
}

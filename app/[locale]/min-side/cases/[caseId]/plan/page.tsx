import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ActionFrame } from '@/components/debtor-actions/action-frame';
import { ConfirmPlanForm } from '@/components/debtor-actions/confirm-plan-form';
import { PlanChoiceForm } from '@/components/debtor-actions/plan-choice-form';
import { PlanPreview } from '@/components/debtor-actions/plan-preview';
import { PlanSchedule } from '@/components/debtor-actions/plan-schedule';
import { previewForDebtor } from '@/lib/arrangements/queries';
import { arrangementSchema } from '@/lib/arrangements/schemas';
import { requireDebtorCase } from '@/lib/auth/gate';
import { getCaseArrangement } from '@/lib/debtor-actions/queries';
import { env } from '@/lib/env';
import { getCaseDetail } from '@/lib/cases/queries';
import { enterLocale } from '@/lib/i18n/page-locale';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('debtorActions.plan'))('title') };
}

const FIELDS = ['kind', 'mode', 'days', 'months', 'monthly'] as const;

// Arrangements that started: their schedule is shown (a request waiting for the creditor has only its status line).
const STARTED = new Set(['active', 'completed', 'broken']);

/**
 * Tid eller nedbetalingsplan in two steps without JavaScript: the choice (a GET form back to this page), then its
 * cost next to paying today and the fee-free plan, with Bekreft (a POST). The running arrangement, if any.
 */
export default async function PlanPage({ params, searchParams }: PageProps<'/[locale]/min-side/cases/[caseId]/plan'>) {
  const locale = await enterLocale(params);
  const { caseId } = await params;
  const actor = await requireDebtorCase(caseId);
  const t = await getTranslations('debtorActions.plan');
  const query = await searchParams;
  const chosen = Object.fromEntries(FIELDS.flatMap((name) => (typeof query[name] === 'string' ? [[name, query[name]]] : []))) as Record<
    string,
    string
  >;
  const done = query.done === 'active' || query.done === 'requested' ? query.done : null;
  const [current, detail] = await Promise.all([getCaseArrangement(actor.companyId, caseId), getCaseDetail(actor.companyId, caseId)]);
  const parsed = chosen.kind ? arrangementSchema(locale).safeParse({ ...chosen, caseId }) : null;
  const result = parsed?.success ? await previewForDebtor(actor, parsed.data) : null;
  const tv = await getTranslations();
  const fieldErrors =
    parsed && !parsed.success
      ? Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), tv(issue.message as never)]))
      : {};
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
        {done ? (
          <p role="status" className="mb-6 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
            {t(done === 'active' ? 'started' : 'requested')}
          </p>
        ) : null}
        {current && STARTED.has(current.status) ? (
          <div className="mb-6">
            <PlanSchedule arrangement={current} kid={detail?.kid ?? ''} account={env().AGENCY_ACCOUNT_NUMBER} locale={locale} />
          </div>
        ) : current ? (
          <p role="status" className="mb-6 rounded-md border border-slate-300 px-4 py-3 text-sm">
            {t(`current.${current.status}`)}
          </p>
        ) : null}
        {/* A running plan or a request the creditor has not answered: nothing more to ask for (the mutation refuses it). */}
        {current?.status === 'active' || current?.status === 'requested' ? null : <PlanChoiceForm chosen={chosen} errors={fieldErrors} />}
        {result && 'errorKey' in result ? (
          <p role="status" className="mt-6 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {tv(result.errorKey as never)}
          </p>
        ) : null}
        {result && 'preview' in result ? (
          <section className="mt-8 grid gap-4" aria-labelledby="plan-cost">
            <PlanPreview preview={result.preview} locale={locale} account={env().AGENCY_ACCOUNT_NUMBER} kid={detail?.kid ?? ''} />
            <ConfirmPlanForm fields={{ ...chosen, caseId, locale }} />
          </section>
        ) : null}
      </ActionFrame>
    </ClientMessages>
  );
}

import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { objectionReasonText } from '@/lib/i18n/task-text';
import { getCollectionState } from '@/lib/engine/queries';
import { CollectionForm } from './collection-form';
import { DecideDisputeForm } from './decide-dispute-form';

/** Where the case stands on the collection path: dispute, legal confirmation, the engine's error; and the form. */
export async function CollectionPanel({
  companyId,
  caseId,
  side,
  canWrite,
  locale,
}: {
  companyId: string;
  caseId: string;
  side: 'agency' | 'creditor';
  canWrite: boolean;
  locale: Locale;
}) {
  const t = await getTranslations('engine');
  const state = await getCollectionState(companyId, caseId);
  const disputed = Boolean(state?.disputedAt);
  const legalConfirmed = Boolean(state?.legalConfirmedAt);
  return (
    <section aria-labelledby={`collection-${side}`} className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id={`collection-${side}`} className="font-semibold">
        {t('heading')}
      </h2>
      <p>
        {disputed
          ? t('disputed', { reason: objectionReasonText(state?.disputeReasonKey, locale) ?? state?.disputeReason ?? '' })
          : t('notDisputed')}
      </p>
      {side === 'agency' ? <p>{t(legalConfirmed ? 'legalConfirmed' : 'legalNotConfirmed')}</p> : null}
      {state?.errorCode ? (
        <p role="alert" className="font-medium text-red-700">
          {t('error', { code: state.errorCode, onDate: state.errorOn ? formatDate(state.errorOn, locale) : '' })}
        </p>
      ) : null}
      {canWrite ? <CollectionForm caseId={caseId} side={side} disputed={disputed} legalConfirmed={legalConfirmed} /> : null}
      {canWrite && disputed ? <DecideDisputeForm caseId={caseId} side={side} /> : null}
    </section>
  );
}

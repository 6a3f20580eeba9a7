import { getTranslations } from 'next-intl/server';
import { CHANGED_TO_KEYS, isActionAllowed, type CaseStatus, type StatusAction } from '@/lib/cases/status-rules';
import { Link } from '@/lib/i18n/navigation';
import { RolesNote } from './roles-note';
import { StatusChangeForm } from './status-change-form';

type Props = { caseId: string; action: StatusAction; status: CaseStatus; canWrite: boolean };

/** The server-rendered confirmation step (`?confirm=pause|resume|withdraw`). */
export async function StatusChangePanel({ caseId, action, status, canWrite }: Props) {
  const t = await getTranslations();
  const refusal = !canWrite ? t('common.errors.notAllowed') : !isActionAllowed(action, status) ? t(CHANGED_TO_KEYS[status]) : null;
  return (
    <section aria-labelledby="confirm-heading" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="confirm-heading" className="text-lg font-semibold">
        {t(`cases.manage.${action}Title`)}
      </h2>
      {refusal ? (
        <>
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {refusal}
          </p>
          <Link href={`/cases/${caseId}`} className="text-sm text-brand-700 underline">
            {t('cases.detail.back')}
          </Link>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t(`cases.manage.${action}Body`)}</p>
          <StatusChangeForm caseId={caseId} action={action} expectedStatus={status} />
        </>
      )}
      <RolesNote text={t('cases.detail.writeRolesNote')} />
    </section>
  );
}

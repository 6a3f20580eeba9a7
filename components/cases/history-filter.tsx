import { getTranslations } from 'next-intl/server';
import { HISTORY_ACTIVITIES, type HistoryActivity } from '@/lib/cases/history-activities';
import { Link } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';

/** Historikk → Filtrer: a GET form of checkboxes (several at once), so filtering works without JavaScript. */
export async function HistoryFilter({ caseId, chosen, locale }: { caseId: string; chosen: readonly HistoryActivity[]; locale: Locale }) {
  const t = await getTranslations('cases');
  return (
    <details open={chosen.length > 0} className="mb-4 rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-slate-900">
        {t('history.filter')}
        {chosen.length > 0 ? <span className="ml-2 text-slate-600">({chosen.length})</span> : null}
      </summary>
      <form method="get" action={`/${locale}/cases/${caseId}`} className="border-t border-slate-200 px-4 py-3">
        <input type="hidden" name="tab" value="history" />
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t('history.filterLegend')}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {HISTORY_ACTIVITIES.map((activity) => (
              <label key={activity} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="activity" value={activity} defaultChecked={chosen.includes(activity)} className="h-4 w-4" />
                {t(`activity.${activity}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="mt-3 flex items-center gap-4">
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-900">
            {t('history.apply')}
          </button>
          <Link href={`/cases/${caseId}?tab=history`} className="text-sm text-brand-700 underline">
            {t('history.showAll')}
          </Link>
        </div>
      </form>
    </details>
  );
}

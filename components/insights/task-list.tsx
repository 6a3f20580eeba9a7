import { getTranslations } from 'next-intl/server';
import { PortalLink } from '@/components/case-list/portal-link';
import { DueDate } from '@/components/tasks/due-date';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import type { MyTaskRow, TaskFilter } from '@/lib/tasks/queries';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
const TD = 'px-3 py-2 align-top';

type Props = { rows: MyTaskRow[]; filter: TaskFilter; showCompany: boolean; today: string; locale: Locale };

/** Innsikt's tasks: case number, debtor, title, due date (overdue marked) and Gå til sak. */
export async function TaskList({ rows, filter, showCompany, today, locale }: Props) {
  const t = await getTranslations('insights');
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{t(filter === 'open' ? 'openTasks' : 'answeredTasks')}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={TH}>{t('columns.caseNumber')}</th>
            {showCompany ? <th scope="col" className={TH}>{t('columns.company')}</th> : null}
            <th scope="col" className={TH}>{t('columns.debtor')}</th>
            <th scope="col" className={TH}>{t('columns.title')}</th>
            <th scope="col" className={TH}>{t(filter === 'open' ? 'columns.due' : 'columns.answered')}</th>
            <th scope="col" className={TH}>
              <span className="sr-only">{t('columns.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${TD} text-left font-medium tabular-nums`}>{row.caseNumber}</th>
              {showCompany ? <td className={TD}>{row.companyName}</td> : null}
              <td className={TD}>{row.debtorName}</td>
              <td className={TD}>{row.title}</td>
              <td className={`${TD} whitespace-nowrap`}>
                {filter === 'answered'
                  ? row.answeredAt
                    ? formatDate(row.answeredAt, locale)
                    : ''
                  : row.dueOn
                    ? <DueDate dueOn={row.dueOn} today={today} open locale={locale} />
                    : t('noDueDate')}
              </td>
              <td className={TD}>
                <PortalLink
                  href={{ pathname: `/cases/${row.caseId}`, query: { task: row.id } }}
                  locale={locale}
                  className="whitespace-nowrap font-medium text-brand-700 underline"
                >
                  {t('goToCase')}
                  {/* The visible label first, so speech control finds it; the case tells the links apart. */}
                  <span className="sr-only"> {t('goToCaseFor', { caseNumber: String(row.caseNumber) })}</span>
                </PortalLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

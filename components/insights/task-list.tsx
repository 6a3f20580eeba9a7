import { getTranslations } from 'next-intl/server';
import { PortalLink } from '@/components/case-list/portal-link';
import { DueDate } from '@/components/tasks/due-date';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import type { MyTaskRow, TaskFilter } from '@/lib/tasks/queries';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
const TD = 'px-3 py-2 align-top';
const GO = 'inline-block py-1 font-medium whitespace-nowrap text-brand-700 underline';

type Props = { rows: MyTaskRow[]; filter: TaskFilter; showCompany: boolean; today: string; locale: Locale };

/**
 * Innsikt's tasks: case number, debtor, title, due date (overdue marked) and Gå til sak. On a phone (below md)
 * each task is a stacked card with Gå til sak in it, like Saker's cards; from md the table, in its own scroll box.
 */
export async function TaskList({ rows, filter, showCompany, today, locale }: Props) {
  const t = await getTranslations('insights');
  const caption = t(filter === 'open' ? 'openTasks' : 'answeredTasks');
  const when = (row: MyTaskRow) =>
    filter === 'answered' ? (row.answeredAt ? formatDate(row.answeredAt, locale) : '') : row.dueOn ? <DueDate dueOn={row.dueOn} today={today} open locale={locale} /> : t('noDueDate');
  const goToCase = (row: MyTaskRow) => (
    <PortalLink href={{ pathname: `/cases/${row.caseId}`, query: { task: row.id } }} locale={locale} className={GO}>
      {t('goToCase')}
      {/* The visible label first, so speech control finds it; the case tells the links apart. */}
      <span className="sr-only"> {t('goToCaseFor', { caseNumber: String(row.caseNumber) })}</span>
    </PortalLink>
  );
  return (
    <>
      <ul aria-label={caption} className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="relative grid gap-1 px-3 py-3 break-words">
            <p className="font-semibold">{row.title}</p>
            <p className="text-slate-700">
              <span className="tabular-nums">{t('caseNumberShort', { caseNumber: String(row.caseNumber) })}</span> · {row.debtorName}
            </p>
            {showCompany ? <p className="text-slate-700">{row.companyName}</p> : null}
            <div className="flex flex-wrap items-center justify-between gap-x-4">
              <span>{when(row)}</span>
              {goToCase(row)}
            </div>
          </li>
        ))}
      </ul>
      <TableScroll label={caption} stickyFirstColumn className="hidden rounded-lg border border-slate-200 bg-white md:block">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="bg-slate-50">
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
                <td className={`${TD} whitespace-nowrap`}>{when(row)}</td>
                <td className={TD}>{goToCase(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

import { getTranslations } from 'next-intl/server';
import { ObjectionFileLinks, type ObjectionFileLink } from '@/components/objections/objection-file-links';
import { PortalLink } from '@/components/case-list/portal-link';
import { DueDate } from '@/components/tasks/due-date';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { taskTitle } from '@/lib/i18n/task-text';
import type { MyTaskRow, TaskFilter } from '@/lib/tasks/queries';

const TH = 'px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-700';
const GO = 'inline-block py-1 font-medium whitespace-nowrap text-brand-700 underline';

type Props = {
  rows: MyTaskRow[];
  files?: (ObjectionFileLink & { taskId: string | null })[];
  filter: TaskFilter;
  showCompany: boolean;
  today: string;
  locale: Locale;
};

// Below md each row is a card (the title first, Gå til sak beside the date at the bottom); from md a table.
const ROWS =
  'divide-y divide-slate-100 max-md:block max-md:[&>tr]:grid max-md:[&>tr]:grid-cols-[minmax(0,1fr)_auto] max-md:[&>tr]:items-center max-md:[&>tr]:gap-x-4 max-md:[&>tr]:gap-y-1 max-md:[&>tr]:px-3 max-md:[&>tr]:py-3 max-md:[&>tr]:break-words md:[&>tr>*]:px-3 md:[&>tr>*]:py-2 md:[&>tr>*]:align-top';
const WIDE = 'max-md:col-span-2';
// From md the first column stays in view while the table scrolls sideways (below md the rows are cards).
const STICKY_FIRST_COLUMN =
  'md:[&_tr>:first-child]:sticky md:[&_tr>:first-child]:left-0 md:[&_tr>:first-child]:z-10 md:[&_tbody_tr>:first-child]:bg-white md:[&_thead_tr>:first-child]:bg-inherit';

/**
 * Innsikt's tasks: case number, debtor, title, due date (overdue marked) and Gå til sak. One table for every screen
 * (the rows travel once): from md a table in its own scroll box, below md each row a stacked card, like Saker's.
 */
export async function TaskList({ rows, files = [], filter, showCompany, today, locale }: Props) {
  const t = await getTranslations('insights');
  const caption = t(filter === 'open' ? 'openTasks' : 'answeredTasks');
  const when = (row: MyTaskRow) =>
    filter === 'answered' ? (
      row.answeredAt ? (
        formatDate(row.answeredAt, locale)
      ) : (
        ''
      )
    ) : row.dueOn ? (
      <DueDate dueOn={row.dueOn} today={today} open locale={locale} />
    ) : (
      t('noDueDate')
    );
  return (
    <TableScroll label={caption} className={`rounded-lg border border-slate-200 bg-white ${STICKY_FIRST_COLUMN}`}>
      <table className="min-w-full divide-y divide-slate-200 text-sm max-md:block">
        <caption className="sr-only">{caption}</caption>
        <thead className="max-md:sr-only">
          <tr className="bg-slate-50">
            <th scope="col" className={TH}>
              {t('columns.caseNumber')}
            </th>
            {showCompany ? (
              <th scope="col" className={TH}>
                {t('columns.company')}
              </th>
            ) : null}
            <th scope="col" className={TH}>
              {t('columns.debtor')}
            </th>
            <th scope="col" className={TH}>
              {t('columns.title')}
            </th>
            <th scope="col" className={TH}>
              {t(filter === 'open' ? 'columns.due' : 'columns.answered')}
            </th>
            <th scope="col" className={TH}>
              <span className="sr-only">{t('columns.action')}</span>
            </th>
          </tr>
        </thead>
        <tbody className={ROWS}>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={`${WIDE} text-left font-medium tabular-nums max-md:font-normal max-md:text-slate-700`}>
                <span className="md:hidden">{t('caseNumberShort', { caseNumber: String(row.caseNumber) })}</span>
                <span className="max-md:hidden">{row.caseNumber}</span>
              </th>
              {showCompany ? <td className={`${WIDE} max-md:text-slate-700`}>{row.companyName}</td> : null}
              <td className={`${WIDE} max-md:text-slate-700`}>{row.debtorName}</td>
              <td className={`${WIDE} max-md:-order-1 max-md:font-semibold`}>
                {taskTitle(row, locale)}
                <ObjectionFileLinks files={files.filter((file) => file.taskId === row.id)} />
              </td>
              <td className="whitespace-nowrap">{when(row)}</td>
              <td>
                <PortalLink href={{ pathname: `/cases/${row.caseId}`, query: { task: row.id } }} locale={locale} className={GO}>
                  {t('goToCase')}
                  {/* The visible label first, so speech control finds it; the case tells the links apart. */}
                  <span className="sr-only"> {t('goToCaseFor', { caseNumber: String(row.caseNumber) })}</span>
                </PortalLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

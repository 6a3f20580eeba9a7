import { getTranslations } from 'next-intl/server';
import type { DeskTaskRow } from '@/lib/desk/queries';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { taskBody, taskTitle } from '@/lib/i18n/task-text';
import type { Locale } from '@/lib/i18n/routing';
import { TaskStatusForm } from './task-status-form';

const STATUS_TONE = {
  open: 'bg-amber-50 text-amber-900',
  answered: 'bg-green-50 text-green-900',
  closed: 'bg-slate-100 text-slate-700',
} as const;

/** The case's tasks on the desk, with the creditor's answers and Lukk / Gjenåpne. */
export async function DeskTaskList({ tasks, locale }: { tasks: DeskTaskRow[]; locale: Locale }) {
  const t = await getTranslations('desk.tasks');
  if (tasks.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="grid gap-3">
      {tasks.map((task) => (
        <li key={task.id} className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`desk-task-${task.id}`}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`desk-task-${task.id}`} className="font-semibold">
              {taskTitle(task, locale)}
            </h3>
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[task.status]}`}>{t(`status.${task.status}`)}</span>
          </div>
          <p className="text-xs text-slate-600">
            {t('meta', {
              created: formatDate(task.createdAt, locale),
              assignee: task.assignedUserName ?? t('wholeCompany'),
              due: task.dueOn ? formatDate(task.dueOn, locale) : '–',
            })}
          </p>
          <p className="whitespace-pre-line text-sm text-slate-800">{taskBody(task, locale)}</p>
          {task.answer ? (
            <div className="rounded-md bg-green-50 p-3 text-sm">
              <p className="font-medium text-slate-800">
                {t('answerBy', { name: task.answeredByName ?? '', at: task.answeredAt ? formatDateTime(task.answeredAt, locale) : '' })}
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{task.answer}</p>
            </div>
          ) : null}
          <TaskStatusForm taskId={task.id} action={task.status === 'closed' ? 'reopen' : 'close'} title={taskTitle(task, locale)} />
        </li>
      ))}
    </ul>
  );
}

import { getTranslations } from 'next-intl/server';
import { ObjectionFileLinks, type ObjectionFileLink } from '@/components/objections/objection-file-links';
import { RolesNote } from '@/components/cases/roles-note';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { taskBody, taskTitle } from '@/lib/i18n/task-text';
import type { CaseTaskRow } from '@/lib/tasks/queries';
import { AnswerTaskForm } from './answer-task-form';
import { DueDate } from './due-date';

type TaskFile = ObjectionFileLink & { taskId: string | null };

type Props = {
  caseId: string;
  tasks: CaseTaskRow[];
  files?: TaskFile[];
  canWrite: boolean;
  highlightId: string | null;
  today: string;
  locale: Locale;
};

/** The agency's tasks on this case, at the top of Oversikt: the description and, for Skrive/Administrator, Svar. */
export async function CaseTasksPanel({ caseId, tasks, files = [], canWrite, highlightId, today, locale }: Props) {
  if (tasks.length === 0) return null;
  const t = await getTranslations('tasks');
  return (
    <section aria-labelledby="case-tasks-heading" className="mb-6 grid gap-4">
      <h2 id="case-tasks-heading" className="text-lg font-semibold">
        {t('caseHeading')}
      </h2>
      {tasks.map((task) => (
        <article
          key={task.id}
          id={`task-${task.id}`}
          aria-labelledby={`task-${task.id}-title`}
          className={`grid gap-3 rounded-lg border bg-white p-5 ${task.id === highlightId ? 'border-brand-700 ring-2 ring-brand-700/30' : 'border-amber-300'}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 id={`task-${task.id}-title`} className="font-semibold text-slate-900">
              {taskTitle(task, locale)}
            </h3>
            <p className="text-sm text-slate-600">
              {task.dueOn ? <DueDate dueOn={task.dueOn} today={today} open={task.status === 'open'} locale={locale} /> : t('noDueDate')}
            </p>
          </div>
          <p className="whitespace-pre-line text-slate-800">{taskBody(task, locale)}</p>
          <ObjectionFileLinks files={files.filter((file) => file.taskId === task.id)} />
          {task.status === 'answered' ? (
            <div className="rounded-md bg-slate-50 p-3">
              <p className="text-sm font-medium text-slate-700">
                {t('answeredBy', { name: task.answeredByName ?? '', at: task.answeredAt ? formatDateTime(task.answeredAt, locale) : '' })}
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-800">{task.answer}</p>
            </div>
          ) : canWrite ? (
            <AnswerTaskForm caseId={caseId} taskId={task.id} />
          ) : (
            <RolesNote text={t('readOnly')} />
          )}
          <p className="text-xs text-slate-500">{t('createdOn', { date: formatDate(task.createdAt, locale) })}</p>
        </article>
      ))}
    </section>
  );
}

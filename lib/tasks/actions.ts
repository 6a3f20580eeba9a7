'use server';

import { getLocale } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { requireCaseRole, requireStaff } from '@/lib/auth/gate';
import { invalidForm } from '@/lib/form-errors';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { failed, guarded, rawField, succeeded, type FormState } from '@/lib/form-state';
import { answerTask, changeTaskStatus, createTask } from './mutations';
import { answerTaskSchema, changeTaskStatusSchema, createTaskSchema } from './schemas';

function revalidateTaskPages() {
  revalidatePath('/[locale]/desk', 'layout');
  revalidatePath('/[locale]/(portal)', 'layout');
}

/** Desk → a case → Ny oppgave. */
export async function createTaskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = createTaskSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, ['title', 'body', 'dueOn', 'assignee']);
    const change = await db.transaction((tx) => createTask(tx, staff, parsed.data));
    await dispatchOutbox(change.outboxIds);
    revalidateTaskPages();
    return succeeded('desk.tasks.created');
  });
}

/** Desk → a task → Lukk / Gjenåpne. */
export async function changeTaskStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = changeTaskStatusSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('cases.errors.reloadForm', formData);
    await db.transaction((tx) => changeTaskStatus(tx, staff, parsed.data));
    revalidateTaskPages();
    return succeeded(parsed.data.action === 'close' ? 'desk.tasks.closed' : 'desk.tasks.reopened');
  });
}

/** Innsikt → Gå til sak → Svar (Skrive and Administrator). */
export async function answerTaskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
    const parsed = answerTaskSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, ['answer']);
    const change = await db.transaction((tx) => answerTask(tx, actor, parsed.data));
    await dispatchOutbox(change.outboxIds);
    revalidateTaskPages();
    // The answered task replaces its form, so the outcome is told on the page the redirect lands on.
    redirect(`/${await getLocale()}/cases/${actor.caseId}?task=${parsed.data.taskId}&done=answered`);
  });
}

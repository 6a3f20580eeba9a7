'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { idleState } from '@/lib/form-state';
import { createTaskAction } from '@/lib/tasks/actions';
import { TASK_TEXT_MAX, TASK_TITLE_MAX } from '@/lib/tasks/schemas';
import { Select } from '@/components/ui/select';

type Props = { caseId: string; companyName: string; users: { id: string; name: string }[] };

/** Ny oppgave: title, description, optional due date, for the company or one of its users. */
export function CreateTaskForm({ caseId, companyName, users }: Props) {
  const t = useTranslations('desk.tasks');
  const [state, formAction, pending] = useActionState(createTaskAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      <Field label={t('titleLabel')} error={msg.field('title')}>
        <Input name="title" required maxLength={TASK_TITLE_MAX} defaultValue={msg.value('title')} />
      </Field>
      <Field label={t('bodyLabel')} error={msg.field('body')}>
        <Textarea name="body" rows={4} required maxLength={TASK_TEXT_MAX} defaultValue={msg.value('body')} />
      </Field>
      <div className="flex flex-wrap gap-4">
        <Field label={t('dueLabel')} error={msg.field('dueOn')}>
          <Input name="dueOn" type="date" defaultValue={msg.value('dueOn')} />
        </Field>
        <Field label={t('assigneeLabel')} error={msg.field('assignee')}>
          <Select
            name="assignee"
            defaultValue={msg.value('assignee') ?? ''}
            className="block rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t('assigneeCompany', { company: companyName })}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </div>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { changeTaskStatusAction } from '@/lib/tasks/actions';
import type { TaskStatusAction } from '@/lib/tasks/schemas';

/** Lukk oppgave / Gjenåpne oppgave on the desk. */
export function TaskStatusForm({ taskId, action, title }: { taskId: string; action: TaskStatusAction; title: string }) {
  const t = useTranslations('desk.tasks');
  const [state, formAction, pending] = useActionState(changeTaskStatusAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="action" value={action} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t(action)}
        <span className="sr-only">: {title}</span>
      </Button>
      {state.status === 'error' ? <FormStatus text={msg.summary} tone={msg.tone} /> : null}
    </form>
  );
}

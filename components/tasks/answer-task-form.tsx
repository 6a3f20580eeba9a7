'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Textarea } from '@/components/ui/textarea';
import { idleState } from '@/lib/form-state';
import { answerTaskAction } from '@/lib/tasks/actions';
import { TASK_TEXT_MAX } from '@/lib/tasks/schemas';

/** Svar: the reply to one open task, on the case's Oversikt. */
export function AnswerTaskForm({ caseId, taskId }: { caseId: string; taskId: string }) {
  const t = useTranslations('tasks');
  const [state, formAction, pending] = useActionState(answerTaskAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-3" noValidate>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="taskId" value={taskId} />
      <Field label={t('answerLabel')} hint={t('answerHint', { max: TASK_TEXT_MAX })} error={msg.field('answer')}>
        <Textarea name="answer" rows={4} required maxLength={TASK_TEXT_MAX} defaultValue={msg.value('answer')} />
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('reply')}
        </Button>
      </div>
    </form>
  );
}

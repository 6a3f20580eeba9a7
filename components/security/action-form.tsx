'use client';

import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState, type FormState } from '@/lib/form-state';

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string>;
  submitLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
};

/** A one-button form (remove a method, sign out other sessions): the result is announced beside it. */
export function ActionForm({ action, hidden = {}, submitLabel, variant = 'secondary' }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction} className="grid gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <Button type="submit" variant={variant} disabled={pending}>
          {submitLabel}
        </Button>
      </div>
      <FormStatus text={msg.summary} tone={msg.tone} />
    </form>
  );
}

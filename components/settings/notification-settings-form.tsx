'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { idleState } from '@/lib/form-state';
import { updateNotificationSettingsAction } from '@/lib/notifications/actions';
import type { NotificationSettings } from '@/lib/notifications/schemas';

/**
 * Varslinger: "Fjern hake på Oppgaver og/eller Meldinger" — the help text has no save step, so a changed box saves
 * the form at once; without JavaScript the Lagre button does the same.
 */
export function NotificationSettingsForm({ settings }: { settings: NotificationSettings }) {
  const t = useTranslations('notifications');
  const [state, formAction, pending] = useActionState(updateNotificationSettingsAction, idleState);
  const msg = useFormMessages(state);
  const submit = (event: React.ChangeEvent<HTMLInputElement>) => event.currentTarget.form?.requestSubmit();
  return (
    <form action={formAction} className="grid max-w-xl gap-4">
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm text-slate-700">{t('legend')}</legend>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="tasks"
            defaultChecked={settings.tasks}
            onChange={submit}
            className="mt-1 size-4"
            aria-describedby="notify-tasks-hint"
          />
          <span>
            <span className="font-medium">{t('kinds.tasks')}</span>
            <span id="notify-tasks-hint" className="block text-sm text-slate-600">
              {t('tasksHint')}
            </span>
          </span>
        </label>
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="messages"
            defaultChecked={settings.messages}
            onChange={submit}
            className="mt-1 size-4"
            aria-describedby="notify-messages-hint"
          />
          <span>
            <span className="font-medium">{t('kinds.messages')}</span>
            <span id="notify-messages-hint" className="block text-sm text-slate-600">
              {t('messagesHint')}
            </span>
          </span>
        </label>
      </fieldset>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}

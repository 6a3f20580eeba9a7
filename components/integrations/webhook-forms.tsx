'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { idleState } from '@/lib/form-state';
import {
  addWebhookEndpointAction,
  removeWebhookEndpointAction,
  resendWebhookDeliveryAction,
  type AddedEndpointState,
} from '@/lib/integrations/webhooks/actions';

const initial: AddedEndpointState = { status: 'idle' };

/** Legg til endepunkt: an https URL; the signing secret is shown this once. */
export function AddEndpointForm({ companyId }: { companyId: string }) {
  const t = useTranslations('integrations.webhooks');
  const [state, formAction, pending] = useActionState(addWebhookEndpointAction, initial);
  const msg = useFormMessages(state);
  return (
    <div className="grid gap-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="companyId" value={companyId} />
        <div className="min-w-64 flex-1">
          <Field label={t('url')} hint={t('urlHint')} error={msg.field('url')}>
            <Input
              name="url"
              type="url"
              inputMode="url"
              required
              maxLength={500}
              placeholder="https://"
              defaultValue={state.secret ? '' : msg.value('url')}
            />
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {t('add')}
        </Button>
      </form>
      {state.secret ? (
        <div className="grid gap-2 rounded-lg border border-amber-300 bg-amber-50 p-4" role="status">
          <p className="text-sm text-slate-800">{t('secretOnce')}</p>
          <label htmlFor="webhook-secret" className="text-sm font-medium text-slate-800">
            {t('secret')}
          </label>
          <input
            id="webhook-secret"
            readOnly
            value={state.secret}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
          />
        </div>
      ) : (
        <FormStatus text={msg.summary} tone={msg.tone} />
      )}
    </div>
  );
}

export function RemoveEndpointForm({ companyId, endpointId, url }: { companyId: string; endpointId: string; url: string }) {
  const t = useTranslations('integrations.webhooks');
  const [state, formAction, pending] = useActionState(removeWebhookEndpointAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction}>
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t('removeNamed', { url })}>
        {t('remove')}
      </Button>
      {state.status === 'error' ? <p className="text-sm text-red-700">{msg.summary}</p> : null}
    </form>
  );
}

/** Send igjen; stays mounted while the delivery waits again, so its confirmation stays in view. */
export function ResendDeliveryForm({ companyId, deliveryId, canResend }: { companyId: string; deliveryId: string; canResend: boolean }) {
  const t = useTranslations('integrations.webhooks');
  const [state, formAction, pending] = useActionState(resendWebhookDeliveryAction, idleState);
  const msg = useFormMessages(state);
  return (
    <form action={formAction}>
      <input type="hidden" name="companyId" value={companyId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      {canResend ? (
        <Button type="submit" variant="secondary" disabled={pending}>
          {t('resend')}
        </Button>
      ) : null}
      <p role="status" className="text-sm text-slate-700">
        {state.status !== 'idle' ? msg.summary : null}
      </p>
    </form>
  );
}

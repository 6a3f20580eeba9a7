'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/db';
import { requireRole } from '@/lib/auth/gate';
import { requireRecentPassword } from '@/lib/auth/settings/recent-password';
import { env } from '@/lib/env';
import { failed, guarded, invalid, rawField, succeeded, type FormState } from '@/lib/form-state';
import { dispatchWebhookDeliveries } from '@/lib/queue/kicks';
import { addWebhookEndpoint, removeWebhookEndpoint, resendWebhookDelivery } from './mutations';

const PAGE = '/[locale]/(portal)/settings/company/integrations';
export type AddedEndpointState = FormState & { secret?: string };

const addSchema = z.object({
  companyId: z.uuid('validation.invalid'),
  url: z.string('validation.required').trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
});
const endpointSchema = z.object({ companyId: z.uuid('validation.invalid'), endpointId: z.uuid('validation.invalid') });
const deliverySchema = z.object({ companyId: z.uuid('validation.invalid'), deliveryId: z.uuid('validation.invalid') });

/** Integrasjoner → Webhooks → Legg til: the signing secret is shown once. */
export async function addWebhookEndpointAction(_prev: AddedEndpointState, formData: FormData): Promise<AddedEndpointState> {
  return guarded(
    formData,
    async () => {
      const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
      const parsed = addSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return invalid(parsed.error, formData);
      await requireRecentPassword();
      const added = await db.transaction((tx) => addWebhookEndpoint(tx, actor, parsed.data.url, env().WEBHOOK_ALLOW_LOCAL_HTTP === '1'));
      revalidatePath(PAGE, 'page');
      return { ...succeeded('integrations.webhooks.added'), secret: added.secret };
    },
    (error) => failed(error.messageKey, formData, { url: error.messageKey }),
  );
}

export async function removeWebhookEndpointAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = endpointSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('validation.invalid');
    await db.transaction((tx) => removeWebhookEndpoint(tx, actor, parsed.data.endpointId));
    revalidatePath(PAGE, 'page');
    return succeeded('integrations.webhooks.removed');
  });
}

/** Integrasjoner → Webhooks → Send igjen. */
export async function resendWebhookDeliveryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = deliverySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('validation.invalid');
    const deliveryId = await db.transaction((tx) => resendWebhookDelivery(tx, actor, parsed.data.deliveryId));
    // After the commit; if the worker is not here, the once-a-minute sweep finds the pending row.
    await dispatchWebhookDeliveries([deliveryId]);
    revalidatePath(PAGE, 'page');
    return succeeded('integrations.webhooks.resent');
  });
}

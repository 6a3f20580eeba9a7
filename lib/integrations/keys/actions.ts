'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireRole } from '@/lib/auth/gate';
import { requireRecentPassword } from '@/lib/auth/settings/recent-password';
import { failed, guarded, invalid, rawField, succeeded, type FormState } from '@/lib/form-state';
import { createApiKey, revokeApiKey, setAutocollect } from './mutations';
import { autocollectSchema, createApiKeySchema, revokeApiKeySchema } from './schemas';

/** What "Ny API-nøkkel" answers: the key in clear, shown this once and never again. */
export type CreatedKeyState = FormState & { createdKey?: { name: string; key: string } };

const INTEGRATIONS_PAGE = '/[locale]/(portal)/settings/company/integrations';

/** Innstillinger → Selskap → Integrasjoner → Opprett nøkkel (Administrator). */
export async function createApiKeyAction(_prev: CreatedKeyState, formData: FormData): Promise<CreatedKeyState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = createApiKeySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    await requireRecentPassword();
    const created = await db.transaction((tx) => createApiKey(tx, actor, parsed.data.name));
    revalidatePath(INTEGRATIONS_PAGE, 'page');
    return { ...succeeded('integrations.keyCreated'), createdKey: { name: parsed.data.name, key: created.key } };
  });
}

/** Integrasjoner → Trekk tilbake (Administrator). */
export async function revokeApiKeyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = revokeApiKeySchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('validation.invalid');
    await db.transaction((tx) => revokeApiKey(tx, actor, parsed.data.apiKeyId));
    revalidatePath(INTEGRATIONS_PAGE, 'page');
    return succeeded('integrations.keyRevoked');
  });
}

/** Integrasjoner → AutoCollect on/off (Administrator). */
export async function setAutocollectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireRole(rawField(formData, 'companyId'), 'admin');
    const parsed = autocollectSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('validation.invalid');
    await db.transaction((tx) => setAutocollect(tx, actor, parsed.data.enabled));
    revalidatePath('/[locale]/(portal)', 'layout');
    return succeeded(parsed.data.enabled ? 'integrations.autocollectOn' : 'integrations.autocollectOff');
  });
}

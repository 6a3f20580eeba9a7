'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireCaseRole, requireStaff } from '@/lib/auth/gate';
import { invalidForm } from '@/lib/form-errors';
import { dispatchOutbox } from '@/lib/queue/kicks';
import { guarded, rawField, succeeded, type FormState } from '@/lib/form-state';
import { postAgencyMessage, postCreditorMessage, replyToDebtor, shareDebtorMessage } from './mutations';
import { postMessageSchema, shareDebtorMessageSchema } from './schemas';

function revalidateThreads() {
  revalidatePath('/[locale]/desk/cases/[caseId]', 'page');
  revalidatePath('/[locale]/(portal)/cases/[caseId]', 'page');
  revalidatePath('/[locale]/min-side/cases/[caseId]/messages', 'page');
}

/** Desk → a case → Send melding. */
export async function postAgencyMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = postMessageSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, ['body']);
    const posted = await db.transaction((tx) => postAgencyMessage(tx, staff, parsed.data));
    await dispatchOutbox(posted.outboxIds);
    revalidateThreads();
    return succeeded('caseMessages.sent');
  });
}

/** Saker → a case → Historikk → Send melding (Skrive and Administrator). */
export async function postCreditorMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
    const parsed = postMessageSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, ['body']);
    await db.transaction((tx) => postCreditorMessage(tx, actor, parsed.data));
    revalidateThreads();
    return succeeded('caseMessages.sent');
  });
}

/** Desk → a case → a debtor's message → Del med oppdragsgiver: it then shows in the creditor's Historikk. */
export async function shareDebtorMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = shareDebtorMessageSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, []);
    await db.transaction((tx) => shareDebtorMessage(tx, staff, parsed.data));
    revalidateThreads();
    return succeeded('caseMessages.shared');
  });
}

/** Desk → a case → Svar skyldneren: the reply shows on Min side's messages page, not to the creditor. */
export async function replyToDebtorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = postMessageSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, ['body']);
    const posted = await db.transaction((tx) => replyToDebtor(tx, staff, parsed.data));
    await dispatchOutbox(posted.outboxIds);
    revalidateThreads();
    return succeeded('caseMessages.replySent');
  });
}

'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/db';
import { requireStaff } from '@/lib/auth/gate';
import { todayInOslo } from '@/lib/dates';
import { failed, guarded, invalid, succeeded, type FormState } from '@/lib/form-state';
import { importPaymentsFile, MAX_IMPORT_BYTES } from './import';
import { assignDebtorPayment, receiveDebtorPayment } from './mutations';
import { assignDebtorPaymentSchema, registerDebtorPaymentSchema } from './schemas';

export type ImportState = FormState & {
  lines?: { line: number; reason: string }[];
  counts?: { allocated: number; unmatched: number; duplicate: number };
};

const DESK_PAYMENTS = '/[locale]/desk/payments';

/** Desk → Innbetalinger → Registrer innbetaling: matched by KID and allocated, or kept as unmatched. */
export async function registerDebtorPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = registerDebtorPaymentSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalid(parsed.error, formData);
    const result = await db.transaction((tx) => receiveDebtorPayment(tx, staff, parsed.data, 'desk'));
    revalidatePath(DESK_PAYMENTS, 'page');
    if (result.outcome === 'duplicate') return failed('desk.payments.duplicate', formData);
    return succeeded(result.outcome === 'allocated' ? 'desk.payments.allocated' : 'desk.payments.unmatched');
  });
}

/** Desk → Ikke matchet → Tildel: an unmatched payment goes to the case with that case number, then is allocated. */
export async function assignDebtorPaymentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(
    formData,
    async () => {
      const staff = await requireStaff();
      const parsed = assignDebtorPaymentSchema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) return invalid(parsed.error, formData);
      await db.transaction((tx) => assignDebtorPayment(tx, staff, parsed.data));
      revalidatePath(DESK_PAYMENTS, 'page');
      return succeeded('desk.payments.assigned');
    },
    (error) => failed(error.messageKey, formData, { caseNumber: error.messageKey }),
  );
}

const fileRefusal = (key: string): ImportState => ({ status: 'error', message: key, fieldErrors: { file: key } });

/** Desk → Importer bankfil: a CSV; refused whole with line numbers unless "import the valid lines" is ticked. */
export async function importDebtorPaymentsAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  return guarded(formData, async () => {
    // The gate before the file: nothing of an upload is looked at for someone who may not import.
    const staff = await requireStaff();
    const file = formData.get('file');
    const pasted = formData.get('content');
    const importValidLines = formData.get('importValidLines') === 'on';
    // The bank file, or its lines pasted into the text box.
    const hasFile = file instanceof File && file.size > 0;
    const hasText = typeof pasted === 'string' && pasted.trim() !== '';
    if (!hasFile && !hasText) return fileRefusal('desk.payments.fileMissing');
    // Refused by its size before its bytes are read.
    if (hasFile && file.size > MAX_IMPORT_BYTES) return fileRefusal('desk.payments.tooLarge');
    const bytes = hasFile ? new Uint8Array(await file.arrayBuffer()) : new TextEncoder().encode(String(pasted));
    const outcome = await importPaymentsFile(db, staff, bytes, { importValidLines, today: todayInOslo() });
    revalidatePath(DESK_PAYMENTS, 'page');
    if (outcome.status === 'tooLarge') return fileRefusal('desk.payments.tooLarge');
    if (outcome.status === 'notText') return fileRefusal('desk.payments.notText');
    if (outcome.status === 'empty') return fileRefusal('desk.payments.emptyFile');
    if (outcome.status === 'refused')
      return { status: 'error', message: 'desk.payments.refused', lines: outcome.errors } satisfies ImportState;
    const counts = { allocated: 0, unmatched: 0, duplicate: 0 };
    for (const result of outcome.results) counts[result.outcome] += 1;
    return { status: 'success', message: 'desk.payments.imported', lines: outcome.errors, counts } satisfies ImportState;
  });
}

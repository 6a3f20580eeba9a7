'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { db } from '@/db';
import { getClientInfo } from '@/lib/auth/client-info';
import { requireDebtor } from '@/lib/auth/gate';
import { failed, invalid, type FormState } from '@/lib/form-state';
import { verifyLetterCode } from './letter-sign-in';
import { letterSignInSchema } from './schemas';
import { endDebtorSession, startDebtorSession } from './session-cookie';

/** Min side without BankID: case number + the letter's code → a session limited to that one case. */
export async function signInWithLetterCodeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = letterSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData);
  const result = await verifyLetterCode(db, parsed.data, await getClientInfo());
  if (!result.ok) return failed(result.reason === 'throttled' ? 'minSide.errors.throttled' : 'minSide.errors.invalidCode', formData);
  await startDebtorSession({ kind: 'letter_code', caseId: result.caseId });
  redirect(`/${await getLocale()}/min-side/cases/${result.caseId}`);
}

/** Signs the debtor out of Min side (a creditor session in the same browser is not touched). */
export async function signOutDebtorAction(): Promise<void> {
  await requireDebtor();
  await endDebtorSession();
  redirect(`/${await getLocale()}/min-side/login?signedOut=1`);
}

import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor, Tx } from '@/db/client';
import { letterConsents } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { CONSENT_TERMS_VERSION, type GrantConsentInput } from './schemas';

/** Whose consent: the identity BankID vouched for, or, signed in with a letter code, that one case. */
export function consentSubjectOf(debtor: { kind: 'person'; nationalId: string } | { kind: 'letterCode'; caseId: string }): string {
  return debtor.kind === 'person' ? debtor.nationalId : `case:${debtor.caseId}`;
}

/**
 * The debtor (by the identity number BankID vouched for) consents to letters in Min side with a notice by email or
 * SMS: the consent in force is withdrawn and a new one recorded with the time, the terms' version and the address.
 * Rows are never deleted: the record of what was agreed, and when, stays.
 */
export async function grantConsent(tx: Tx, subject: string, input: GrantConsentInput & { locale: string }, now = new Date()) {
  await tx
    .update(letterConsents)
    .set({ withdrawnAt: now })
    .where(and(eq(letterConsents.subject, subject), isNull(letterConsents.withdrawnAt)));
  const [row] = await tx
    .insert(letterConsents)
    .values({
      subject,
      channel: input.channel,
      address: input.address,
      termsVersion: CONSENT_TERMS_VERSION,
      locale: input.locale,
      grantedAt: now,
    })
    .returning({ id: letterConsents.id });
  if (!row) throw new Error('consent insert returned nothing');
  return row.id;
}

/** Withdraws the consent in force: from now on the debtor gets paper letters again. */
export async function withdrawConsent(tx: Tx, subject: string, now = new Date()) {
  const withdrawn = await tx
    .update(letterConsents)
    .set({ withdrawnAt: now })
    .where(and(eq(letterConsents.subject, subject), isNull(letterConsents.withdrawnAt)))
    .returning({ id: letterConsents.id });
  if (withdrawn.length === 0) throw new DomainError('debtorActions.consent.errors.none');
}

/** The consent in force for this identity, or null. */
export async function getActiveConsent(db: Executor, subject: string) {
  const [row] = await db
    .select({
      id: letterConsents.id,
      channel: letterConsents.channel,
      address: letterConsents.address,
      grantedAt: letterConsents.grantedAt,
      termsVersion: letterConsents.termsVersion,
    })
    .from(letterConsents)
    .where(and(eq(letterConsents.subject, subject), isNull(letterConsents.withdrawnAt)))
    .orderBy(desc(letterConsents.grantedAt))
    .limit(1);
  return row ?? null;
}

'use server';

import { revalidatePath } from 'next/cache';
import { eq } from 'drizzle-orm';
import { db } from '@/db';
import { cases } from '@/db/schema';
import { requireCaseRole, requireStaff } from '@/lib/auth/gate';
import { DomainError } from '@/lib/errors';
import { failed, guarded, rawField, succeeded, type FormState } from '@/lib/form-state';
import { invalidForm } from '@/lib/form-errors';
import { decideDispute } from './dispute-decision';
import { changeCollection, updateAgreement } from './mutations';
import { runEngine } from './run';
import {
  AGREEMENT_NUMBER_FIELDS,
  agreementFormSchema,
  creditorCollectionSchema,
  DECIDE_DISPUTE_FIELDS,
  decideDisputeSchema,
  deskCollectionSchema,
} from './schemas';

function revalidateCasePages() {
  revalidatePath('/[locale]/desk', 'layout');
  revalidatePath('/[locale]/(portal)', 'layout');
}

/** Desk → a case → Innsigelse / Opphev innsigelse / Bekreft rettslig inkasso / Kjør motoren nå. */
export async function deskCollectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = deskCollectionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('cases.errors.reloadForm', formData);
    const { intent, caseId } = parsed.data;
    const [found] = await db.select({ companyId: cases.companyId }).from(cases).where(eq(cases.id, caseId));
    if (!found) throw new DomainError('cases.errors.notFound');
    if (intent === 'run') {
      await runEngine(db, { caseIds: [caseId] });
    } else {
      const change = { caseId, intent, reason: parsed.data.reason };
      await db.transaction((tx) => changeCollection(tx, { userId: staff.userId, companyId: found.companyId }, change, 'agency'));
    }
    revalidateCasePages();
    return succeeded(`engine.done.${intent}`);
  });
}

/** The case page → Innsigelse (with a reason) / Bekreft kravet: the creditor (Skrive, Administrator). */
export async function creditorCollectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
    const parsed = creditorCollectionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return failed('cases.errors.reloadForm', formData);
    await db.transaction((tx) =>
      changeCollection(tx, { userId: actor.userId, companyId: actor.companyId }, { ...parsed.data, caseId: actor.caseId }, 'creditor'),
    );
    revalidateCasePages();
    return succeeded(`engine.done.${parsed.data.intent}`);
  });
}

/** The case page → Avgjør innsigelsen for skyldneren: the creditor (Skrive, Administrator) answers the dispute. */
export async function decideDisputeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
    const parsed = decideDisputeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, [...DECIDE_DISPUTE_FIELDS]);
    const decision = { ...parsed.data, caseId: actor.caseId };
    await db.transaction((tx) => decideDispute(tx, { userId: actor.userId, companyId: actor.companyId }, decision, 'creditor'));
    revalidateCasePages();
    return succeeded('engine.done.decided');
  });
}

/** Desk → a case → Avgjør innsigelsen for skyldneren: the agency answers the dispute. */
export async function deskDecideDisputeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = decideDisputeSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, [...DECIDE_DISPUTE_FIELDS]);
    const [found] = await db.select({ companyId: cases.companyId }).from(cases).where(eq(cases.id, parsed.data.caseId));
    if (!found) throw new DomainError('cases.errors.notFound');
    await db.transaction((tx) => decideDispute(tx, { userId: staff.userId, companyId: found.companyId }, parsed.data, 'agency'));
    revalidateCasePages();
    return succeeded('engine.done.decided');
  });
}

/** Desk → a case → the company's agreement (the collection path's timings): saved for every case of the company. */
export async function updateAgreementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(formData, async () => {
    const staff = await requireStaff();
    const parsed = agreementFormSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return invalidForm(parsed.error, formData, [...AGREEMENT_NUMBER_FIELDS, 'smallestInstalment']);
    const { companyId, vatRegistered, smallestInstalment, ...rest } = parsed.data;
    const agreement = { ...rest, smallestInstalmentOre: smallestInstalment };
    await db.transaction((tx) => updateAgreement(tx, staff, { companyId, agreement, vatRegistered }));
    revalidateCasePages();
    return succeeded('engine.agreement.saved');
  });
}

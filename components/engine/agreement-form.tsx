'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { Input } from '@/components/ui/input';
import { updateAgreementAction } from '@/lib/engine/actions';
import type { CollectionAgreement } from '@/lib/engine/rules/agreement';
import { AGREEMENT_NUMBER_FIELDS } from '@/lib/engine/schemas';
import { idleState } from '@/lib/form-state';
import { formatOreNumber } from '@/lib/money';

type Props = { companyId: string; companyName: string; agreement: CollectionAgreement; vatRegistered: boolean };

/** The desk edits the company's agreement: the collection path's timings, its switches and VAT registration. */
export function AgreementForm({ companyId, companyName, agreement, vatRegistered }: Props) {
  const t = useTranslations('engine.agreement');
  const [state, formAction, pending] = useActionState(updateAgreementAction, idleState);
  const msg = useFormMessages(state);
  const box = (name: 'reminderEnabled' | 'standardCompensation' | 'vatRegistered' | 'agencyMayApprovePlans', checked: boolean) => (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} className="size-5" />
      {t(name)}
    </label>
  );
  return (
    <form action={formAction} className="grid gap-3 text-sm">
      <h2 className="font-semibold">{t('heading', { company: companyName })}</h2>
      <p className="text-slate-600">{t('hint')}</p>
      <input type="hidden" name="companyId" value={companyId} />
      {box('reminderEnabled', agreement.reminderEnabled)}
      <div className="grid gap-3 sm:grid-cols-2">
        {AGREEMENT_NUMBER_FIELDS.map((name) => (
          <Field key={name} label={t(name)} error={msg.field(name)}>
            <Input name={name} inputMode="numeric" required defaultValue={msg.value(name) || String(agreement[name])} />
          </Field>
        ))}
        <Field label={t('smallestInstalment')} error={msg.field('smallestInstalment')}>
          <Input
            name="smallestInstalment"
            inputMode="decimal"
            required
            defaultValue={msg.value('smallestInstalment') || formatOreNumber(agreement.smallestInstalmentOre, 'nb')}
          />
        </Field>
      </div>
      {box('agencyMayApprovePlans', agreement.agencyMayApprovePlans)}
      {box('standardCompensation', agreement.standardCompensation)}
      {box('vatRegistered', vatRegistered)}
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}

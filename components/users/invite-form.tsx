'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { useFormMessages } from '@/components/forms/use-form-messages';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormStatus } from '@/components/ui/form-status';
import { inviteUsersAction } from '@/lib/invitations/actions';
import { idleState } from '@/lib/form-state';
import { CompanyCheckboxes } from './company-checkboxes';
import { RoleFieldset } from './role-fieldset';
import { Select } from '@/components/ui/select';

// Language names are always written in their own language.
const LANGUAGES = [
  { locale: 'nb', label: 'Norsk' },
  { locale: 'en', label: 'English' },
] as const;

type Props = {
  companyId: string;
  companies: { companyId: string; companyName: string }[];
  defaultLocale: string;
};

export function InviteForm({ companyId, companies, defaultLocale }: Props) {
  const t = useTranslations('users');
  const [state, formAction, pending] = useActionState(inviteUsersAction, idleState);
  const msg = useFormMessages(state);
  const checked = msg.value('companyIds')?.split(',') ?? [companyId];
  return (
    <form action={formAction} className="grid gap-5" noValidate>
      <input type="hidden" name="companyId" value={companyId} />
      <Field label={t('inviteForm.emails')} hint={t('inviteForm.emailsHint')} error={msg.field('emails')}>
        <textarea
          name="emails"
          rows={3}
          required
          autoFocus
          defaultValue={msg.value('emails')}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-700"
        />
      </Field>
      <RoleFieldset legend={t('inviteForm.role')} defaultRole={msg.value('role') ?? 'read'} error={msg.field('role')} />
      <CompanyCheckboxes
        legend={t('inviteForm.companies')}
        hint={t('inviteForm.companiesHint')}
        companies={companies}
        checked={checked}
        error={msg.field('companyIds')}
      />
      <Field label={t('inviteForm.language')} error={msg.field('locale')}>
        <Select
          name="locale"
          defaultValue={msg.value('locale') ?? defaultLocale}
          className="block w-48 rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
        >
          {LANGUAGES.map((language) => (
            <option key={language.locale} value={language.locale} lang={language.locale}>
              {language.label}
            </option>
          ))}
        </Select>
      </Field>
      <FormStatus text={msg.summary} tone={msg.tone} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('inviteForm.sending') : t('inviteForm.send')}
        </Button>
      </div>
    </form>
  );
}

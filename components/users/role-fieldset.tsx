'use client';

import { useTranslations } from 'next-intl';
import { ROLES, type Role } from '@/lib/roles';

/** Lese / Skrive / Administrator as radio buttons, each with what the role may do. */
export function RoleFieldset({ legend, defaultRole, error }: { legend: string; defaultRole: string | undefined; error?: string }) {
  const t = useTranslations('users');
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? 'role-error' : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {ROLES.map((role: Role) => (
        <label key={role} className="flex items-start gap-2 text-sm">
          <input type="radio" name="role" value={role} defaultChecked={defaultRole === role} required className="mt-1" />
          <span>
            <span className="font-medium">{t(`roles.${role}`)}</span>
            <span className="block text-slate-600">{t(`roleHints.${role}`)}</span>
          </span>
        </label>
      ))}
      {error ? (
        <p id="role-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

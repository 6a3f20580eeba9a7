'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/form-state';

/** Translates the message keys an action put in its state; unknown keys fall back to "invalid". */
export function useFormMessages(state: FormState) {
  const t = useTranslations();
  const translate = (key: string | undefined) => {
    if (!key) return undefined;
    return t.has(key as never) ? t(key as never) : t('validation.invalid');
  };
  return {
    summary: translate(state.message),
    tone: state.status,
    field: (name: string) => translate(state.fieldErrors?.[name]),
    value: (name: string) => state.values?.[name],
  };
}

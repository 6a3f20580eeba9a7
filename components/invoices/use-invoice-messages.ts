'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/form-state';

/**
 * Like useFormMessages, but a key may carry values (`key|caseNumber=100123`, see lib/invoices/form-state.ts),
 * so a refusal can name the case that already has the invoice number.
 */
export function useInvoiceMessages(state: FormState) {
  const t = useTranslations();
  const translate = (raw: string | undefined) => {
    if (!raw) return undefined;
    const [key = '', query = ''] = raw.split('|');
    const values = Object.fromEntries(new URLSearchParams(query));
    return t.has(key as never) ? t(key as never, values as never) : t('validation.invalid');
  };
  return {
    summary: translate(state.message),
    tone: state.status,
    field: (name: string) => translate(state.fieldErrors?.[name]),
    value: (name: string) => state.values?.[name],
  };
}

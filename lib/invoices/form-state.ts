import type { DomainError } from '@/lib/errors';
import type { FormState } from '@/lib/form-state';
import { InvoiceRefusal } from './conflicts';

/** What was typed, to refill the fields (files are never echoed). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !name.startsWith('$ACTION')) values[name] = value;
  }
  return values;
}

export function invoiceFormState(message: string, formData: FormData, fieldErrors: Record<string, string>): FormState {
  return { status: 'error', message, fieldErrors, values: formValues(formData) };
}

/**
 * A business refusal as form state. FormState carries keys, not prose, so a refusal with values (the case
 * that already has the invoice number) travels as `key|name=value&…`; useInvoiceMessages splits it again.
 */
export function refusalState(error: DomainError, formData: FormData): FormState {
  const values = error instanceof InvoiceRefusal ? new URLSearchParams(error.values).toString() : '';
  const message = values ? `${error.messageKey}|${values}` : error.messageKey;
  const field = error instanceof InvoiceRefusal ? error.field : undefined;
  return { status: 'error', message, fieldErrors: field ? { [field]: message } : undefined, values: formValues(formData) };
}

import type { ZodError } from 'zod';
import { isDatabaseUnavailable } from '@/lib/database-unavailable';
import { DomainError } from '@/lib/errors';

/** What an action returns to its form: message keys (never prose) and the submitted values to refill fields. */
export type FormState = {
  status: 'idle' | 'success' | 'error';
  message?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export const idleState: FormState = { status: 'idle' };

// Never echoed back to the browser.
const SECRET_FIELDS = new Set(['password', 'newPassword', 'currentPassword', 'confirmPassword', 'code', 'token', 'handoff']);

function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !SECRET_FIELDS.has(name) && !name.startsWith('$ACTION')) values[name] = value;
  }
  return values;
}

/** Zod messages are message keys; anything else (a zod default) becomes the generic "invalid". */
function asKey(message: string): string {
  return /^[a-z]+\.[A-Za-z.]+$/.test(message) ? message : 'validation.invalid';
}

export function invalid(error: ZodError, formData: FormData): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= asKey(issue.message);
  }
  return { status: 'error', message: 'validation.summary', fieldErrors, values: echo(formData) };
}

export function failed(messageKey: string, formData?: FormData, fieldErrors?: Record<string, string>): FormState {
  return { status: 'error', message: messageKey, fieldErrors, values: formData ? echo(formData) : undefined };
}

export function succeeded(messageKey: string): FormState {
  return { status: 'success', message: messageKey };
}

/**
 * Runs an action's work after its input is parsed: an expected refusal (a DomainError, the gate's "role too low"
 * included) becomes the form's translated state with the values echoed back; so does a database that cannot be reached
 * (its transaction never committed, so nothing is half-written). Anything else, redirect() too, goes on.
 */
export async function guarded(formData: FormData, work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) return failed(error.messageKey, formData);
    if (isDatabaseUnavailable(error)) return failed('common.errors.unavailable', formData);
    throw error;
  }
}

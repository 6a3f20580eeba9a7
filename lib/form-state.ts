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
 * A posted field as it came, unparsed: only for the id the gate checks before anything is parsed (the gate
 * answers a missing or malformed id as not found). Everything else is read through the action's zod schema.
 */
export function rawField(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * The body of every server action: gate, parse and work run inside it, and an expected refusal (a DomainError,
 * the gate's "role too low" included) becomes the form's state: by default its translated message with the typed
 * values echoed, or what `refusal` makes of it (an error beside a field). So does a database that cannot be reached
 * (its transaction never committed, so nothing is half-written). Anything else, redirect() too, goes on.
 */
export function guarded<S>(formData: FormData | undefined, work: () => Promise<S>): Promise<S | FormState>;
export function guarded<S>(formData: FormData | undefined, work: () => Promise<S>, refusal: (error: DomainError) => S): Promise<S>;
export async function guarded<S>(
  formData: FormData | undefined,
  work: () => Promise<S>,
  refusal?: (error: DomainError) => S,
): Promise<S | FormState> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return failed('common.errors.unavailable', formData);
    if (!(error instanceof DomainError)) throw error;
    return refusal ? refusal(error) : failed(error.messageKey, formData);
  }
}

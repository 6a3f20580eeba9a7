import type { ZodError } from 'zod';
import { failed, invalid, type FormState } from '@/lib/form-state';

/**
 * A zod failure as form state. Errors on fields the user can see go next to them; an error on a hidden field
 * (a case id, an idempotency key) means a stale or tampered form, so the whole form asks for a reload.
 */
export function invalidForm(error: ZodError, formData: FormData, visibleFields: readonly string[]): FormState {
  const hiddenProblem = error.issues.some((issue) => !visibleFields.includes(String(issue.path[0] ?? '')));
  return hiddenProblem ? failed('cases.errors.reloadForm', formData) : invalid(error, formData);
}

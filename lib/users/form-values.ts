import type { FormState } from '@/lib/form-state';

/** Checkboxes repeat a name; a refused state echoes them comma-joined so the form can tick them again. */
export function withCheckedCompanies(state: FormState, formData: FormData): FormState {
  return { ...state, values: { ...state.values, companyIds: formData.getAll('companyIds').join(',') } };
}

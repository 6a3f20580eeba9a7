/**
 * What the objection route reports back to the form page (`?error=`), and the field each message sits beside; the
 * page translates `debtorActions.object.errors.<code>` and shows nothing for a code not listed here.
 */
export const OBJECTION_ERRORS = {
  reasonRequired: 'reason',
  bodyShort: 'body',
  bodyLong: 'body',
  fileTooLarge: 'files',
  fileType: 'files',
  tooManyFiles: 'files',
  tooLarge: 'files',
  receiptRequired: 'files',
  alreadyDisputed: 'form',
  caseEnded: 'form',
  reloadForm: 'form',
} as const;

export type ObjectionError = keyof typeof OBJECTION_ERRORS;
export type ObjectionField = (typeof OBJECTION_ERRORS)[ObjectionError];

export function objectionErrorOf(value: string | undefined): ObjectionError | null {
  return value && Object.hasOwn(OBJECTION_ERRORS, value) ? (value as ObjectionError) : null;
}

/** A refusal's message key as the code the page knows (keys of other namespaces by their last part). */
export function objectionErrorFromKey(messageKey: string): ObjectionError {
  return objectionErrorOf(messageKey.split('.').pop()) ?? 'reloadForm';
}

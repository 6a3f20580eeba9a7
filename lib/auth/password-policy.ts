import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
// zxcvbn scores 0-4; below 3 ("safely unguessable: moderate protection from offline attacks") is refused.
const MIN_SCORE = 3;

// The bundled common dictionary and keyboard graphs: nothing is fetched at run time.
const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export type PasswordProblem = 'tooShort' | 'containsEmail' | 'weak';

/** The password policy: 12+ characters, not the email's local part, and not weak by zxcvbn. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'tooShort';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && password.toLowerCase().includes(local)) return 'containsEmail';
  const inputs = [email, local, ...local.split(/[._+-]/).filter((part) => part.length >= 3)];
  return zxcvbn.check(password, inputs).score < MIN_SCORE ? 'weak' : null;
}

import { z } from 'zod';
import { LETTER_CODE_ALPHABET, LETTER_CODE_LENGTH, normaliseLetterCode } from '@/lib/auth/letter-code';

const CODE_PATTERN = new RegExp(`^[${LETTER_CODE_ALPHABET}]{${LETTER_CODE_LENGTH}}$`);

/** Min side without BankID: the case number and the code, both as printed on the letter. */
export const letterSignInSchema = z.object({
  caseNumber: z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .regex(/^\d{1,12}$/, 'minSide.errors.caseNumberFormat')
    .transform(Number),
  code: z
    .string('validation.required')
    .transform(normaliseLetterCode)
    .pipe(z.string().min(1, 'validation.required').regex(CODE_PATTERN, 'minSide.errors.codeFormat')),
});

export type LetterSignInInput = z.infer<typeof letterSignInSchema>;

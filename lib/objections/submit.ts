import { db } from '@/db';
import { DomainError } from '@/lib/errors';
import { checkObjectionFile, MAX_OBJECTION_FILES, type CheckedFile } from './files';
import { fileObjection } from './mutations';
import { objectionErrorFromKey, type ObjectionError } from './outcomes';
import { fileObjectionSchema, OBJECTION_REASONS, type ObjectionReason } from './schemas';
import { readObjectionUpload } from './upload';

export type ObjectionSubmission =
  { ok: true; outboxIds: string[] } | { ok: false; errors: ObjectionError[]; status: 400 | 409 | 413 | 415; reason?: ObjectionReason };

const STATUS: Partial<Record<ObjectionError, 409 | 413 | 415>> = {
  tooLarge: 413,
  fileTooLarge: 413,
  fileType: 415,
  alreadyDisputed: 409,
  caseEnded: 409,
};

function refusal(reason: ObjectionReason | undefined, errors: ObjectionError[]): ObjectionSubmission {
  return { ok: false, errors: [...new Set(errors)], status: errors.map((error) => STATUS[error]).find(Boolean) ?? 400, reason };
}

/**
 * Min side → Innsigelse, posted to its route: the body read while counted, the fields parsed, every file judged by
 * its content, then one transaction (./mutations.ts); a refusal answers before anything is written. `scope` is what
 * the debtor gate returned (the case comes from there, not from the form): call this only behind the gate.
 */
export async function submitObjection(
  request: Request,
  scope: { companyId: string; caseId: string },
  now = new Date(),
): Promise<ObjectionSubmission> {
  const upload = await readObjectionUpload(request);
  if (!upload.ok) return refusal(undefined, [upload.error === 'tooLarge' ? 'tooLarge' : 'reloadForm']);
  // The reason chosen goes back with a refusal, so that the form shows it chosen again.
  const reason = OBJECTION_REASONS.find((known) => known === upload.fields.reason);
  const refused = (...errors: ObjectionError[]) => refusal(reason, errors);
  const parsed = fileObjectionSchema.safeParse({ ...upload.fields, caseId: scope.caseId });
  if (!parsed.success) return refused(...parsed.error.issues.map((issue) => objectionErrorFromKey(issue.message)));
  if (upload.uploads.length > MAX_OBJECTION_FILES) return refused('tooManyFiles');
  const files: CheckedFile[] = [];
  for (const file of upload.uploads) {
    const checked = await checkObjectionFile(file);
    if (!checked.ok) return refused(objectionErrorFromKey(checked.messageKey));
    files.push(checked.file);
  }
  try {
    const filed = await db.transaction((tx) => fileObjection(tx, scope, parsed.data, files, now));
    return { ok: true, outboxIds: filed.outboxIds };
  } catch (error) {
    if (error instanceof DomainError) return refused(objectionErrorFromKey(error.messageKey));
    throw error;
  }
}

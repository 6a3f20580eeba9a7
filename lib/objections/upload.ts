import { BodyTooLargeError, readLimited } from '@/lib/http/body-limit';
import { MAX_OBJECTION_FILE_BYTES, MAX_OBJECTION_FILES } from './files';

/** The objection route's body: the files at their largest, the text and the multipart framing (read after the gate). */
export const OBJECTION_BODY_LIMIT = MAX_OBJECTION_FILES * MAX_OBJECTION_FILE_BYTES + 256 * 1024;

export type ObjectionUpload =
  { ok: true; fields: { reason: unknown; body: unknown }; uploads: File[] } | { ok: false; error: 'tooLarge' | 'invalid' };

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : undefined);

/**
 * The objection form's multipart body, read while counting: past the limit the read stops there (the rest is never
 * buffered). Files left empty by the browser are no files. Call it only behind the gate.
 */
export async function readObjectionUpload(request: Request): Promise<ObjectionUpload> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(type)) return { ok: false, error: 'invalid' };
  let body: Uint8Array;
  try {
    body = await readLimited(request, OBJECTION_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, error: 'tooLarge' };
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.from(body), { headers: { 'Content-Type': type } }).formData();
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const uploads = form.getAll('files').filter((value): value is File => typeof value !== 'string' && value.size > 0);
  return {
    ok: true,
    fields: { reason: text(form.get('reason')), body: text(form.get('body')) },
    uploads,
  };
}

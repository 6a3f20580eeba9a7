import { BodyTooLargeError, readLimited } from '@/lib/http/body-limit';
import { chosenFile, MAX_PDF_BYTES } from './pdf';

/** The upload route's body: the PDF and a little multipart framing, never more (read after the gate). */
export const UPLOAD_BODY_LIMIT = MAX_PDF_BYTES + 64 * 1024;

export type UploadRead =
  | { ok: true; file: File }
  | { ok: false; messageKey: 'invoices.errors.pdfTooLarge' | 'invoices.errors.pdfInvalid' | 'invoices.errors.pdfMissing' };

/**
 * The `attachment` file of a multipart upload, read while counting: a declared or counted size past the limit stops
 * the read there (the rest is never buffered) and is "larger than 10 MB". Call it only behind the gate.
 */
export async function readInvoiceUpload(request: Request): Promise<UploadRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;/i.test(type)) return { ok: false, messageKey: 'invoices.errors.pdfMissing' };
  let body: Uint8Array;
  try {
    body = await readLimited(request, UPLOAD_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, messageKey: 'invoices.errors.pdfTooLarge' };
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.from(body), { headers: { 'Content-Type': type } }).formData();
  } catch {
    return { ok: false, messageKey: 'invoices.errors.pdfInvalid' };
  }
  const file = chosenFile(form.get('attachment'));
  return file ? { ok: true, file } : { ok: false, messageKey: 'invoices.errors.pdfMissing' };
}

import { looksLikePdfWithPages } from './pdf-structure';

export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export type PdfCheck =
  | { ok: true; bytes: Uint8Array; fileName: string }
  | { ok: false; messageKey: 'invoices.errors.pdfTooLarge' | 'invoices.errors.pdfInvalid' };

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** A file name safe to send back in Content-Disposition: no path, no quotes or control characters. */
function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .slice(0, 120)
    .trim();
  return /\.pdf$/i.test(safe) ? safe : `${safe || 'faktura'}.pdf`;
}

/**
 * The invoice's PDF is judged by its content, not its name or type: at most 10 MB, and a PDF with at least one page
 * by a structural read that inflates nothing beyond a small budget (./pdf-structure.ts). Call it only behind the gate.
 */
export async function checkPdf(file: File): Promise<PdfCheck> {
  if (file.size > MAX_PDF_BYTES) return { ok: false, messageKey: 'invoices.errors.pdfTooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_PDF_BYTES) return { ok: false, messageKey: 'invoices.errors.pdfTooLarge' };
  if (!MAGIC.every((byte, index) => bytes[index] === byte)) return { ok: false, messageKey: 'invoices.errors.pdfInvalid' };
  if (!looksLikePdfWithPages(bytes)) return { ok: false, messageKey: 'invoices.errors.pdfInvalid' };
  return { ok: true, bytes, fileName: cleanFileName(file.name) };
}

/**
 * A file input left empty posts an empty File (nameless from a plain form, named "blob" or similar through React's
 * encoding); an empty file means "no attachment" either way.
 */
export function chosenFile(value: FormDataEntryValue | null): File | null {
  if (!value || typeof value === 'string') return null;
  return value.size === 0 ? null : value;
}

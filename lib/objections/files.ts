import { looksLikePdfWithPages } from '@/lib/invoices/pdf-structure';

/** Each attachment at most 10 MB, at most three per objection (the route's body limit, ./upload.ts, follows). */
export const MAX_OBJECTION_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_OBJECTION_FILES = 3;

export type CheckedFile = { fileName: string; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: Uint8Array };
export type FileCheck =
  | { ok: true; file: CheckedFile }
  | { ok: false; messageKey: 'debtorActions.object.errors.fileTooLarge' | 'debtorActions.object.errors.fileType' };

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/** What the bytes are, by content only (never by the name or the browser's type); null for anything else. */
export function contentTypeOf(bytes: Uint8Array): CheckedFile['contentType'] | null {
  if (startsWith(bytes, PDF)) return looksLikePdfWithPages(bytes) ? 'application/pdf' : null;
  if (startsWith(bytes, PNG)) return 'image/png';
  // A JPEG also ends with its end-of-image marker: a truncated or disguised file is refused.
  if (startsWith(bytes, JPEG) && bytes.length > 4 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9)
    return 'image/jpeg';
  return null;
}

const EXTENSION = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

/** A name safe to send back in Content-Disposition, with the extension of what the file really is. */
function cleanFileName(name: string, type: CheckedFile['contentType']): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '');
  const safe =
    base
      .replace(/[^\p{L}\p{N} _()-]/gu, '_')
      .slice(0, 100)
      .trim() || 'vedlegg';
  return `${safe}.${EXTENSION[type]}`;
}

/** Judges one upload by size (before reading it) and content. Call it only behind the gate. */
export async function checkObjectionFile(file: File): Promise<FileCheck> {
  if (file.size > MAX_OBJECTION_FILE_BYTES) return { ok: false, messageKey: 'debtorActions.object.errors.fileTooLarge' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > MAX_OBJECTION_FILE_BYTES) return { ok: false, messageKey: 'debtorActions.object.errors.fileTooLarge' };
  const contentType = contentTypeOf(bytes);
  if (!contentType) return { ok: false, messageKey: 'debtorActions.object.errors.fileType' };
  return { ok: true, file: { fileName: cleanFileName(file.name, contentType), contentType, bytes } };
}

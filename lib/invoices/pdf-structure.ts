import { inflateSync } from 'node:zlib';

/**
 * Whether bytes look like a PDF with at least one page, read without a PDF library: a full parser (pdf-lib) inflates
 * every object stream on load, so a few KB of deflate bomb cost seconds of the event loop and gigabytes of memory.
 * Here only object streams (where modern PDFs keep their page objects) are inflated, each and all together within a
 * small budget, synchronously in milliseconds; content and image streams are never decoded. Going over the budget
 * counts as not a PDF.
 */

/** Decoded bytes allowed for all object streams of one file: real invoices need a few hundred KB. */
export const INFLATE_BUDGET_BYTES = 4 * 1024 * 1024;

const PAGE = /\/Type\s*\/Page(?![A-Za-z])/;
const OBJECT_START = /\d+\s+\d+\s+obj\b/g;
const STREAM_KEYWORD = /stream(?:\r\n|\n|\r)/g;

type Stream = { dictionary: string; data: Uint8Array };

/** The streams of the file in order: each one's dictionary text and raw bytes (by /Length when direct, else up to endstream). */
function* streams(bytes: Uint8Array, text: string): Generator<Stream> {
  let from = 0;
  for (;;) {
    STREAM_KEYWORD.lastIndex = from;
    const keyword = STREAM_KEYWORD.exec(text);
    if (!keyword) return;
    const start = keyword.index + keyword[0].length;
    // The dictionary is what lies between the object's "n g obj" and the keyword.
    const before = text.slice(Math.max(0, keyword.index - 4096), keyword.index);
    const objects = [...before.matchAll(OBJECT_START)];
    const last = objects[objects.length - 1];
    const dictionary = last ? before.slice((last.index ?? 0) + last[0].length) : '';
    const directLength = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
    const declared = directLength ? Number(directLength[1]) : NaN;
    const endByLength =
      Number.isFinite(declared) && text.startsWith('endstream', skipSpace(text, start + declared)) ? start + declared : -1;
    const end = endByLength >= 0 ? endByLength : text.indexOf('endstream', start);
    if (end < 0) return;
    yield { dictionary, data: bytes.subarray(start, end) };
    from = end + 'endstream'.length;
  }
}

function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
  return i;
}

/** The filters a stream declares: /Filter /FlateDecode or /Filter [/A /B]. */
function filtersOf(dictionary: string): string[] {
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  return match?.[1] ? [...match[1].matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1] ?? '') : [];
}

export function looksLikePdfWithPages(bytes: Uint8Array): boolean {
  // latin1 maps each byte to one character, so string offsets are byte offsets.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-') || !text.includes('startxref') || !text.slice(-1024).includes('%%EOF')) return false;
  if (PAGE.test(text)) return true;
  let budget = INFLATE_BUDGET_BYTES;
  for (const stream of streams(bytes, text)) {
    if (!/\/Type\s*\/ObjStm\b/.test(stream.dictionary)) continue;
    const filters = filtersOf(stream.dictionary);
    // Only plain or singly deflated object streams are read; anything else is not where we look for pages.
    if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) continue;
    let decoded: Uint8Array;
    try {
      decoded = filters.length === 0 ? stream.data : inflateSync(stream.data, { maxOutputLength: budget });
    } catch (error) {
      // Over the budget: a bomb, refused outright. A broken stream simply holds no page.
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return false;
      continue;
    }
    budget -= decoded.byteLength;
    if (budget <= 0) return false;
    if (PAGE.test(Buffer.from(decoded.buffer, decoded.byteOffset, decoded.byteLength).toString('latin1'))) return true;
  }
  return false;
}

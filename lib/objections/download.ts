import { attachmentDisposition } from '@/lib/http/content-disposition';

const ALLOWED = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** The download of a stored objection file: its checked type (anything else as bytes), never sniffed, never cached. */
export function objectionFileResponse(file: { fileName: string; contentType: string; content: Uint8Array | Buffer } | null): Response {
  if (!file) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const bytes = new Uint8Array(file.content);
  return new Response(bytes, {
    headers: {
      'Content-Type': ALLOWED.has(file.contentType) ? file.contentType : 'application/octet-stream',
      'Content-Disposition': attachmentDisposition(file.fileName),
      'Content-Length': String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}

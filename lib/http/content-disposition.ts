/**
 * `Content-Disposition: attachment` for a download, whatever letters its name has (RFC 6266): `filename=` carries
 * an ASCII fallback (a header value outside Latin-1 makes the response fail with a 500), `filename*=` the real
 * name in UTF-8, percent-encoded (RFC 8187), which every current browser prefers.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'download';
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

import { describe, expect, it } from 'vitest';
import { MAX_PDF_BYTES } from '@/lib/invoices/pdf';
import { readInvoiceUpload, UPLOAD_BODY_LIMIT } from '@/lib/invoices/upload';

const MB = 1024 * 1024;

/** A body that never ends, counting how much of it was asked for. */
function endlessBody() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += MB;
      controller.enqueue(new Uint8Array(MB).fill(0x25));
    },
  });
  return { stream, counter };
}

const multipart = { 'Content-Type': 'multipart/form-data; boundary=grense' };

describe('the invoice upload route’s body', () => {
  it('is read while counted: an endless body stops being read just past 10 MB and is "larger than 10 MB"', async () => {
    const { stream, counter } = endlessBody();
    const request = new Request('http://portal.test/upload', {
      method: 'POST',
      headers: multipart,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expect(readInvoiceUpload(request)).resolves.toEqual({ ok: false, messageKey: 'invoices.errors.pdfTooLarge' });
    expect(counter.pulled).toBeGreaterThan(MAX_PDF_BYTES);
    expect(counter.pulled).toBeLessThanOrEqual(UPLOAD_BODY_LIMIT + 2 * MB);
  });

  it('is not read at all when its declared length is over the limit', async () => {
    const { stream, counter } = endlessBody();
    const request = new Request('http://portal.test/upload', {
      method: 'POST',
      headers: { ...multipart, 'Content-Length': String(UPLOAD_BODY_LIMIT + 1) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expect(readInvoiceUpload(request)).resolves.toEqual({ ok: false, messageKey: 'invoices.errors.pdfTooLarge' });
    // A ReadableStream pulls once to fill its queue when it is made; nothing beyond that was read.
    expect(counter.pulled).toBeLessThanOrEqual(MB);
  });

  it('hands over the chosen file; no file, or not a multipart form, is "choose a PDF"', async () => {
    const form = new FormData();
    form.append('attachment', new File(['%PDF-1.7\n'], 'faktura.pdf', { type: 'application/pdf' }));
    const upload = await readInvoiceUpload(new Request('http://portal.test/upload', { method: 'POST', body: form }));
    expect(upload.ok && upload.file.name).toBe('faktura.pdf');
    const empty = new FormData();
    empty.append('attachment', new File([], ''));
    await expect(readInvoiceUpload(new Request('http://portal.test/upload', { method: 'POST', body: empty }))).resolves.toEqual({
      ok: false,
      messageKey: 'invoices.errors.pdfMissing',
    });
    await expect(
      readInvoiceUpload(
        new Request('http://portal.test/upload', {
          method: 'POST',
          body: 'attachment=x',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
      ),
    ).resolves.toEqual({
      ok: false,
      messageKey: 'invoices.errors.pdfMissing',
    });
  });
});

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { checkPdf } from '@/lib/invoices/pdf';
import { pdfBomb } from '@/tests/helpers/pdf-bomb';
import { realPdf } from '@/tests/helpers/invoice-fixtures';

describe('the invoice PDF check and a deflate bomb', () => {
  it('refuses an 8 MB bomb of a few KB as not a valid PDF without blocking the event loop for 200 ms', async () => {
    const bomb = await pdfBomb(8);
    expect(bomb.byteLength).toBeLessThan(16 * 1024);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const result = await checkPdf(new File([Buffer.from(bomb)], 'faktura.pdf', { type: 'application/pdf' }));
    // The monitor records a blocked stretch at its next sample: wait for that sample (a positive signal, not a sleep).
    const samples = delay.count;
    while (delay.count === samples) await new Promise((resolve) => setImmediate(resolve));
    delay.disable();
    expect(result).toEqual({ ok: false, messageKey: 'invoices.errors.pdfInvalid' });
    expect(delay.max / 1e6).toBeLessThan(200);
  });

  it('still accepts a real PDF whose page lives in a compressed object stream', async () => {
    const bytes = await realPdf('Faktura 1');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/ObjStm');
    await expect(checkPdf(new File([Buffer.from(bytes)], 'faktura.pdf'))).resolves.toMatchObject({ ok: true });
  });
});

import { describe, expect, it } from 'vitest';
import { BODY_LIMITS, bodyLimitFor, refuseBody } from '@/lib/http/body-limit';
import { attachmentDisposition } from '@/lib/http/content-disposition';
import { OBJECTION_BODY_LIMIT } from '@/lib/objections/upload';

describe('body limits by path', () => {
  it.each([
    ['/api/notifications/unsubscribe', 8 * 1024],
    ['/api/auth/callback/credentials', 8 * 1024],
    ['/api/v1/invoices', 256 * 1024],
    ['/nb/login', 1024 * 1024],
    ['/api/invoices/drafts/0b7f2a52-8a3e-4f55-9a43-0d3f3c6f1e11/attachment', 11 * 1024 * 1024],
    ['/api/invoices/drafts/x/attachment/more', 8 * 1024],
    ['/en/cases/new', 1024 * 1024],
    ['/nb/cases/new/x', 1024 * 1024],
    ['/nb/desk/payments', 3 * 1024 * 1024],
    ['/api/min-side/cases/0b7f2a52-8a3e-4f55-9a43-0d3f3c6f1e11/objection', 31 * 1024 * 1024],
    ['/nb/min-side/cases/0b7f2a52-8a3e-4f55-9a43-0d3f3c6f1e11/object', 1024 * 1024],
  ])('%s may carry %i bytes', (path, limit) => {
    expect(bodyLimitFor(path)).toBe(limit);
  });

  it('lets the objection route’s own counted limit (three files of 10 MB) through the proxy', () => {
    expect(OBJECTION_BODY_LIMIT).toBeGreaterThan(3 * 10 * 1024 * 1024);
    expect(OBJECTION_BODY_LIMIT).toBeLessThanOrEqual(BODY_LIMITS.objection);
  });

  it('refuses by Content-Length and a body without one, lets GET and a body within the limit through', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(refuseBody('POST', '/api/v1/cases', headers({ 'content-length': String(BODY_LIMITS.api + 1) }), 'en')?.status).toBe(413);
    expect(refuseBody('POST', '/api/v1/cases', headers({ 'content-length': String(BODY_LIMITS.api) }), 'en')).toBeNull();
    expect(refuseBody('POST', '/nb/login', headers({ 'transfer-encoding': 'chunked' }), 'nb')?.status).toBe(411);
    expect(refuseBody('POST', '/nb/login', headers({}), 'nb')).toBeNull();
    expect(refuseBody('GET', '/nb/login', headers({ 'content-length': '999999999' }), 'nb')).toBeNull();
  });
});

describe('Content-Disposition for any file name', () => {
  it.each([
    ['Łódź.pdf', '_odz.pdf'],
    ['Čáhcegáddi faktura.pdf', 'Cahcegaddi faktura.pdf'],
    ['Ærlig "faktura".pdf', '_rlig _faktura_.pdf'],
    ['faktura.pdf', 'faktura.pdf'],
  ])('%s: an ASCII fallback and the real name', (name, fallback) => {
    const header = attachmentDisposition(name);
    // A header value must be Latin-1 at most; ours is plain ASCII.
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header).toContain(`filename="${fallback}"`);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '')).toBe(name);
  });
});

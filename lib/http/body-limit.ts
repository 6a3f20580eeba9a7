import { NextRequest } from 'next/server';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

/**
 * How much a request body may hold, by path, so that nobody can make the portal buffer any size: the public forms
 * (unsubscribe, Auth.js's own routes) a few KB, the API 256 KB, server actions 1 MB, the desk's bank file (2 MB,
 * lib/debtor-payments/csv.ts), the invoice PDF's upload route (10 MB) and Min side's objection route (three files of
 * 10 MB, lib/objections/upload.ts) a little more. The proxy refuses by Content-Length before anything reads the body; route handlers also
 * count while they read (`readLimited`), for a body without a length.
 */
export const BODY_LIMITS = {
  form: 8 * 1024,
  api: 256 * 1024,
  action: 1024 * 1024,
  bankFile: 3 * 1024 * 1024,
  upload: 11 * 1024 * 1024,
  objection: 31 * 1024 * 1024,
} as const;

// The invoice PDF's upload route (app/api/invoices/drafts/[draftId]/attachment), which also counts while it reads.
const UPLOAD_ROUTE = /^\/api\/invoices\/drafts\/[^/]+\/attachment\/?$/;
const BANK_FILE_PAGE = /^\/(nb|en)\/desk\/payments\/?$/;
// Min side's objection route (app/api/min-side/cases/[caseId]/objection), which also counts while it reads.
const OBJECTION_ROUTE = /^\/api\/min-side\/cases\/[0-9a-f-]{36}\/objection\/?$/;

export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith('/api/v1/')) return BODY_LIMITS.api;
  if (UPLOAD_ROUTE.test(pathname)) return BODY_LIMITS.upload;
  if (OBJECTION_ROUTE.test(pathname)) return BODY_LIMITS.objection;
  if (pathname.startsWith('/api/')) return BODY_LIMITS.form;
  return BANK_FILE_PAGE.test(pathname) ? BODY_LIMITS.bankFile : BODY_LIMITS.action;
}

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The body as bytes, refused (BodyTooLargeError) as soon as its declared or counted size passes `limit`. */
export async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw new BodyTooLargeError(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

type Locale = 'nb' | 'en';
const MESSAGES = { nb: nb.common.errors, en: en.common.errors };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** An RFC 9457 problem document; the API speaks English, the rest the request's language. */
function problem(status: 411 | 413, key: 'bodyTooLarge' | 'lengthRequired', locale: Locale, limit: number): Response {
  const title = MESSAGES[locale][key].replace('{limit}', sizeText(limit));
  const slug = key === 'bodyTooLarge' ? 'body-too-large' : 'length-required';
  return Response.json(
    { type: `/api/v1/problems/${slug}`, title, status },
    // Connection: close, so that the rest of a refused body is not read from the socket.
    { status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', Connection: 'close' } },
  );
}

export function localeOfRequest(pathname: string, cookieLocale: string | undefined): Locale {
  if (pathname.startsWith('/api/v1/')) return 'en';
  const prefix = /^\/(nb|en)(\/|$)/.exec(pathname)?.[1];
  return (prefix ?? cookieLocale) === 'en' ? 'en' : 'nb';
}

export function bodyTooLarge(limit: number, locale: Locale): Response {
  return problem(413, 'bodyTooLarge', locale, limit);
}

/**
 * For the proxy: a body declared larger than its path allows → 413; a chunked body without a length → 411 (browsers
 * and the API's clients always send Content-Length). Null when the request may go on.
 */
export function refuseBody(method: string, pathname: string, headers: Headers, locale: Locale): Response | null {
  if (method === 'GET' || method === 'HEAD') return null;
  const limit = bodyLimitFor(pathname);
  const declared = headers.get('content-length');
  if (declared === null) return headers.has('transfer-encoding') ? problem(411, 'lengthRequired', locale, limit) : null;
  return Number(declared) > limit ? problem(413, 'bodyTooLarge', locale, limit) : null;
}

/** Wraps a route handler so that it sees at most `limit` bytes of body (Auth.js's routes, which read it themselves). */
export function withBodyLimit(limit: number, handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    let body: Uint8Array;
    try {
      body = await readLimited(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return bodyTooLarge(limit, localeOfRequest(request.nextUrl.pathname, request.cookies.get('NEXT_LOCALE')?.value));
      throw error;
    }
    const { method, headers, url } = request;
    return handler(method === 'GET' || method === 'HEAD' ? request : new NextRequest(url, { method, headers, body: Buffer.from(body) }));
  };
}

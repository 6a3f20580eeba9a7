import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/database-unavailable';
import { escapeHtml } from '@/lib/html';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

/**
 * While PostgreSQL is away a page fails deep inside Next's render, which answers a bare 500 (an error.tsx cannot set
 * a status). The server entry (lib/cli/serve.ts) wraps Next's request handler with this: a response that is about to
 * be a 5xx is held back, and if the request met a database that cannot be reached (reported by instrumentation.ts's
 * onRequestError) or the database does not answer a probe now, the client gets a translated 503 page with
 * Retry-After instead. Every other response passes through untouched and unbuffered.
 */

type RequestMarks = { databaseUnavailable: boolean };
type Listener = (request: IncomingMessage, response: ServerResponse) => void;

// On globalThis: instrumentation.ts runs from Next's bundle, a separate copy of this module.
const MARKS = Symbol.for('portal.requestMarks');
const globalMarks = globalThis as unknown as { [MARKS]?: AsyncLocalStorage<RequestMarks> };
const marks = (globalMarks[MARKS] ??= new AsyncLocalStorage<RequestMarks>());

/** Called from instrumentation.ts's onRequestError: this request failed because the database cannot be reached. */
export function noteRequestError(error: unknown) {
  const store = marks.getStore();
  if (store && isDatabaseUnavailable(error)) store.databaseUnavailable = true;
}

function unavailableBody(path: string) {
  if (path.startsWith('/api/')) {
    const body = {
      type: '/api/v1/problems/unavailable',
      title: 'The service is temporarily unavailable.',
      status: 503,
      detail: en.common.errors.unavailable,
    };
    return { type: 'application/problem+json', body: JSON.stringify(body) };
  }
  const locale = /^\/en(\/|$|\?)/.test(path) ? 'en' : 'nb';
  const text = (locale === 'en' ? en : nb).common;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.unavailableTitle)} – ${escapeHtml(text.appName)}</title></head><body><main><h1>${escapeHtml(text.unavailableTitle)}</h1><p>${escapeHtml(text.errors.unavailable)}</p><p><a href="${escapeHtml(path.split('?')[0] ?? '/')}">${escapeHtml(text.retry)}</a></p></main></body></html>`;
  return { type: 'text/html; charset=utf-8', body: html };
}

// Headers of the failed answer that would contradict ours; the security headers (HSTS, CSP, …) stay.
const DROPPED = /^(content-|etag$|cache-control$|vary$|x-nextjs-|link$|transfer-encoding$|set-cookie$)/i;

type Call = (...args: unknown[]) => unknown;

/** Written with the response's own (unwrapped) methods, after the failed answer's contradicting headers are gone. */
function answerUnavailable(response: ServerResponse, path: string) {
  for (const name of response.getHeaderNames()) if (DROPPED.test(name)) response.removeHeader(name);
  const { type, body } = unavailableBody(path);
  response.writeHead(503, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
  });
  response.end(body);
}

const withoutCallbacks = (args: unknown[]) => args.filter((part) => typeof part !== 'function');

/** Wraps the server's request listener; `databaseReachable` is the probe asked only when a response is a 5xx. */
export function withOutagePage(listener: Listener, databaseReachable: () => Promise<boolean>): Listener {
  return (request, response) => {
    const store: RequestMarks = { databaseUnavailable: false };
    const original = { writeHead: response.writeHead, write: response.write, end: response.end };
    const call = (method: keyof typeof original, args: unknown[]) => (original[method] as unknown as Call).apply(response, args);
    // Decided at the first writeHead, write or end: a 5xx is held until its end, anything else passes through.
    let mode: 'undecided' | 'pass' | 'hold' = 'undecided';
    const decide = (status: number) => (mode === 'undecided' ? (mode = status >= 500 ? 'hold' : 'pass') : mode);
    const held: { head: unknown[] | null; chunks: unknown[][] } = { head: null, chunks: [] };

    const release = async (endArgs: unknown[]) => {
      const outage = store.databaseUnavailable || !(await databaseReachable());
      Object.assign(response, original);
      if (outage) return answerUnavailable(response, request.url ?? '/');
      if (held.head) call('writeHead', held.head);
      for (const chunk of held.chunks) call('write', chunk);
      call('end', endArgs);
    };

    response.writeHead = function (...args: unknown[]) {
      if (decide(Number(args[0])) === 'pass') return call('writeHead', args);
      held.head = args;
      return response;
    } as ServerResponse['writeHead'];
    response.write = function (...args: unknown[]) {
      if (decide(response.statusCode) === 'pass') return call('write', args);
      held.chunks.push(withoutCallbacks(args));
      (args.find((part) => typeof part === 'function') as (() => void) | undefined)?.();
      return true;
    } as ServerResponse['write'];
    response.end = function (...args: unknown[]) {
      if (decide(response.statusCode) === 'pass') return call('end', args);
      void release(args).catch(() => response.destroy());
      return response;
    } as ServerResponse['end'];

    marks.run(store, () => listener(request, response));
  };
}

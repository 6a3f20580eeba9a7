import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isLoopbackAddress, isPublicAddress } from './address';
import { parseWebhookUrl } from './url';

/** What a delivery attempt stores: the receiver's status, or one fixed reason (never a reply body or an error text). */
export type FailureReason = 'refusedUrl' | 'refusedAddress' | 'unresolved' | 'timeout' | 'unreachable';
export type WebhookAnswer = { status: number } | { reason: FailureReason };
export type WebhookPost = (url: string, body: string, headers: Record<string, string>) => Promise<WebhookAnswer>;

export type ResolvedAddress = { address: string; family: 4 | 6 };
/** Name → addresses. The system's DNS in production; tests inject their own (no real DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((found) => ({ address: found.address, family: found.family === 6 ? 6 : 4 }));

export const WEBHOOK_TIMEOUT_MS = 10_000;

export type PinnedPostOptions = { allowLocalHttp: boolean; resolve?: Resolver; timeoutMs?: number };

/**
 * The real POST. The host is resolved once, every address it has must be public (loopback only with the test and
 * demo switch, and plain http only there), and the connection goes to that checked address — the socket's own
 * lookup answers with it, so a second DNS answer (rebinding) cannot move it. TLS still checks the certificate
 * against the URL's host name. No redirects (a 3xx is a failure); the reply's body is never read: the status
 * line is all that is kept, then the socket is closed. One deadline covers resolving, connecting and the answer.
 */
export function pinnedPost({ allowLocalHttp, resolve = systemResolver, timeoutMs = WEBHOOK_TIMEOUT_MS }: PinnedPostOptions): WebhookPost {
  const allowed = (address: string, https: boolean) =>
    (https && isPublicAddress(address)) || (allowLocalHttp && isLoopbackAddress(address));
  return async (raw, body, headers) => {
    const url = parseWebhookUrl(raw, allowLocalHttp);
    if (!url) return { reason: 'refusedUrl' };
    const deadline = AbortSignal.timeout(timeoutMs);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: ResolvedAddress[];
    if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
    else {
      try {
        addresses = await raceDeadline(resolve(host), deadline);
      } catch {
        return { reason: deadline.aborted ? 'timeout' : 'unresolved' };
      }
    }
    const target = addresses[0];
    if (!target) return { reason: 'unresolved' };
    if (!addresses.every((found) => allowed(found.address, url.protocol === 'https:'))) return { reason: 'refusedAddress' };
    return send(url, target, body, headers, deadline);
  };
}

function raceDeadline<T>(work: Promise<T>, deadline: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    deadline.addEventListener('abort', () => reject(new Error('deadline')), { once: true });
    work.then(resolve, reject);
  });
}

function send(
  url: URL,
  target: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  deadline: AbortSignal,
): Promise<WebhookAnswer> {
  // Node's connect may ask for all addresses (happy eyeballs) or one; either way it gets only the checked one.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      agent: false,
      lookup: pinned,
      signal: deadline,
    });
    request.on('response', (response) => {
      resolve({ status: response.statusCode ?? 0 });
      response.destroy();
      request.destroy();
    });
    request.on('error', () => resolve({ reason: deadline.aborted ? 'timeout' : 'unreachable' }));
    request.end(body);
  });
}

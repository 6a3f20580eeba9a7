import { isIP } from 'node:net';
import { isInternalName, isLoopbackAddress, isPublicAddress } from './address';

export type UrlProblem = 'https' | 'invalid' | 'internal';

/**
 * What is wrong with an endpoint URL before any DNS: not https (plain http only with the test and demo switch, and
 * then only to this machine: the delivery refuses any other address for it),
 * credentials in it, an IP address that is not public (the URL parser has already turned `0x7f000001`, `2130706433`
 * and `0177.0.0.1` into `127.0.0.1`), or a name that only exists inside a network. The delivery checks the
 * resolved addresses again.
 */
export function webhookUrlProblem(raw: string, allowLocalHttp: boolean): UrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && !(allowLocalHttp && url.protocol === 'http:')) return 'https';
  if (url.username || url.password) return 'invalid';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const local = allowLocalHttp && (host === 'localhost' || isLoopbackAddress(host));
  if (local) return null;
  if (isIP(host)) {
    if (!isPublicAddress(host)) return 'internal';
    return url.protocol === 'https:' ? null : 'https';
  }
  return isInternalName(host) ? 'internal' : null;
}

/** The URL when it may be used at all (see webhookUrlProblem), else null. */
export function parseWebhookUrl(raw: string, allowLocalHttp: boolean): URL | null {
  return webhookUrlProblem(raw, allowLocalHttp) ? null : new URL(raw);
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Vipps MobilePay signs every webhook with HMAC-SHA256 over the method, the path with query, the date, the host and
// the body's SHA-256 (Webhooks API, "request authentication"). A callback is believed only when all of it matches and
// its date is recent: an old, replayed request is refused even with a valid signature.

/** How far a callback's x-ms-date may lie from our clock. */
export const CALLBACK_MAX_SKEW_MS = 5 * 60 * 1000;

export type SignedRequest = {
  method: string;
  pathAndQuery: string;
  host: string;
  date: string;
  contentSha256: string;
  authorization: string;
  body: string;
};

export function contentSha256(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64');
}

function signatureOf(
  secret: string,
  request: Pick<SignedRequest, 'method' | 'pathAndQuery' | 'host' | 'date'>,
  contentHash: string,
): string {
  const signed = `${request.method.toUpperCase()}\n${request.pathAndQuery}\n${request.date};${request.host};${contentHash}`;
  return createHmac('sha256', secret).update(signed, 'utf8').digest('base64');
}

/** The headers a sender puts on a signed callback (the local provider and the tests use it the way Vipps does). */
export function signCallback(secret: string, request: { method: string; pathAndQuery: string; host: string; date: string; body: string }) {
  const hash = contentSha256(request.body);
  const signature = signatureOf(secret, request, hash);
  return {
    'x-ms-date': request.date,
    'x-ms-content-sha256': hash,
    authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
  };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'content' | 'signature' | 'stale' };

/** Checks a callback's body hash, HMAC and date; nothing in the body is read before this says ok. */
export function verifyCallback(secret: string, request: SignedRequest, now: Date): SignatureCheck {
  if (!secret || !request.date || !request.contentSha256 || !request.authorization) return { ok: false, reason: 'missing' };
  const hash = contentSha256(request.body);
  if (!sameText(hash, request.contentSha256)) return { ok: false, reason: 'content' };
  const match = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=(.+)$/.exec(request.authorization.trim());
  if (!match?.[1] || !sameText(match[1], signatureOf(secret, request, hash))) return { ok: false, reason: 'signature' };
  const sent = Date.parse(request.date);
  if (Number.isNaN(sent) || Math.abs(now.getTime() - sent) > CALLBACK_MAX_SKEW_MS) return { ok: false, reason: 'stale' };
  return { ok: true };
}

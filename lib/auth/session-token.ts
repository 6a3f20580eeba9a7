import { decode, encode, type JWT, type JWTDecodeParams, type JWTEncodeParams } from 'next-auth/jwt';

// Auth.js's own encode and decode of the session cookie (JWE, A256CBC-HS512 with a key derived by HKDF from the
// secret), remembered: every signed-in request decodes the same cookie, and `auth()` re-encodes it to refresh its
// expiry (a cookie a page render cannot even set), each time deriving the key again and going through WebCrypto.
// The cookie only carries the session id: whether the session lives is read from the database on every request
// (lib/auth/session.ts), so remembering the decoded token grants nothing the cookie did not.

const MAX_ENTRIES = 2_000;
/** A re-encoded cookie is reused this long: its expiry moves in steps of a minute instead of every request. */
const ENCODE_REUSE_MS = 60_000;

type Entry<T> = { value: T; until: number };

/** A small map that forgets its oldest entry when full, and an entry whose time is up. */
class Remembered<T> {
  private readonly entries = new Map<string, Entry<T>>();

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, until: number) {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(key, { value, until });
  }
}

const decoded = new Remembered<JWT>();
const encoded = new Remembered<string>();

function keyOf(secret: JWTDecodeParams['secret'], salt: string, token: string) {
  return `${Array.isArray(secret) ? secret.join('\n') : secret}\n${salt}\n${token}`;
}

/** Auth.js's decode; a token decoded before is answered from memory until its own expiry. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = keyOf(params.secret, params.salt, params.token);
  const now = Date.now();
  const known = decoded.get(key, now);
  if (known) return { ...known };
  const payload = await decode(params);
  // Only a token with an expiry is remembered, and only until then (Auth.js's own tokens always carry one).
  if (payload && typeof payload.exp === 'number') decoded.set(key, payload, payload.exp * 1000);
  return payload;
}

/** Auth.js's encode; the same token re-encoded within a minute gets the same cookie. */
export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const key = keyOf(params.secret, params.salt, `${params.maxAge ?? ''}\n${JSON.stringify(params.token ?? {})}`);
  const now = Date.now();
  const known = encoded.get(key, now);
  if (known) return known;
  const token = await encode(params);
  encoded.set(key, token, now + ENCODE_REUSE_MS);
  return token;
}

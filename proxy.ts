import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from '@/lib/i18n/routing';
import { localeOfRequest, refuseBody } from '@/lib/http/body-limit';
import { contentSecurityPolicy, HSTS, isProductionDeployment } from '@/lib/http/security-headers';

const intl = createMiddleware(routing);

const PORTAL_PATH = /^\/(nb|en)\/(cases|insights|reports|settings|help|desk)(\/|$)/;
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Every page: a fresh CSP nonce (Next reads it from the request's policy header and puts it on its scripts), locale
 * routing, and a cheap redirect when there is no session cookie at all. Access is decided on the server.
 */
export default function proxy(incoming: NextRequest) {
  const { pathname } = incoming.nextUrl;
  const refusal = refuseBody(
    incoming.method,
    pathname,
    incoming.headers,
    localeOfRequest(pathname, incoming.cookies.get('NEXT_LOCALE')?.value),
  );
  if (refusal) return withTransportSecurity(new NextResponse(refusal.body, refusal));
  // Route handlers set their own CSP (next.config.ts); the proxy adds HSTS and leaves locale routing to pages.
  if (pathname.startsWith('/api/')) return withTransportSecurity(NextResponse.next());
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(incoming.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const request = new NextRequest(incoming, { headers });
  const response = route(request);
  response.headers.set('Content-Security-Policy', policy);
  return withTransportSecurity(response);
}

/** Decided when the server runs, not at build: the demo on plain http:// must not pin HTTPS. */
function withTransportSecurity(response: NextResponse): NextResponse {
  if (isProductionDeployment()) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

function route(request: NextRequest) {
  // The language a user chose last time (set at sign-in and on switching), for a visit to the bare address.
  const remembered = request.cookies.get('NEXT_LOCALE')?.value;
  if (request.nextUrl.pathname === '/' && remembered === 'en') return NextResponse.redirect(new URL('/en', request.url));
  const match = PORTAL_PATH.exec(request.nextUrl.pathname);
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(`/${match[1]}/login`, request.url));
  }
  return intl(request);
}

// Everything but Next's built files and the files in public/ (a path with a dot may still be a page or a route, and
// needs its headers). bench-floor: the benchmark's bare floor page runs without the proxy, like a bare Next.js app.
export const config = { matcher: '/((?!_next/static/|_next/image|favicon\\.ico|favicon\\.svg|logo\\.svg|robots\\.txt|bench-floor).*)' };

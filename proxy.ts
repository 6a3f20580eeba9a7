import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from '@/lib/i18n/routing';

const intl = createMiddleware(routing);

const PORTAL_PATH = /^\/(nb|en)\/(cases|insights|reports|settings|help|desk)(\/|$)/;
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/** Locale routing, plus a cheap redirect when there is no session cookie at all. Access is decided on the server. */
export default function proxy(request: NextRequest) {
  // The language a user chose last time (set at sign-in and on switching), for a visit to the bare address.
  const remembered = request.cookies.get('NEXT_LOCALE')?.value;
  if (request.nextUrl.pathname === '/' && remembered === 'en') return NextResponse.redirect(new URL('/en', request.url));
  const match = PORTAL_PATH.exec(request.nextUrl.pathname);
  if (match && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL(`/${match[1]}/login`, request.url));
  }
  return intl(request);
}

export const config = { matcher: '/((?!api|_next|_vercel|.*\\..*).*)' };

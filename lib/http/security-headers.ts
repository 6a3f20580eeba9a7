// The response headers every page carries. Pure, so the proxy, next.config and a unit test share one source.

/** A real deployment (not the demo, not `next dev`): HSTS and Secure-only cookies. */
export function isProductionDeployment(env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === 'production' && env.PORTAL_DEMO !== '1';
}

/**
 * Only the portal's own scripts and styles: Next's inline bootstrap scripts carry the per-request nonce, and
 * 'strict-dynamic' lets the scripts they load run. No framing, no plugins, forms post only to the portal.
 */
export function contentSecurityPolicy(nonce: string, options: { isDev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For responses that are not pages (route handlers, files): nothing may load or frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

export const HSTS = 'max-age=63072000; includeSubDomains';

/** Headers for every response (next.config.ts bakes them in at build time, so nothing here depends on the run). */
export const COMMON_SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
];

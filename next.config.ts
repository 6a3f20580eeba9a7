import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { COMMON_SECURITY_HEADERS, NON_PAGE_CSP } from './lib/http/security-headers';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Separate build folders let parallel checkouts' test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // PGlite loads its WASM from a file URL that bundling breaks; pg-boss likewise stays a plain require, and pdfkit
  // reads its font metrics from its own folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'pdfkit'],
  poweredByHeader: false,
  // `npm test` (lib/cli/test.ts) builds right after its own `tsc --noEmit` over the same sources passed.
  typescript: { ignoreBuildErrors: process.env.BUILD_SKIP_TYPECHECK === '1' },
  experimental: {
    // One setting for every action: the largest an action takes, the desk's bank file (BODY_LIMITS.bankFile);
    // proxy.ts holds every other page to 1 MB by Content-Length before the body is read (lib/http/body-limit.ts).
    // The invoice PDF (10 MB) goes through its own route, which counts while it reads, after the gate.
    serverActions: { bodySizeLimit: '3mb' },
    // The proxy keeps a copy of a body up to this size for the route behind it (a larger one would reach it cut
    // short): the largest route limit, Min side's objection (BODY_LIMITS.objection); proxy.ts refuses others by length.
    proxyClientMaxBodySize: '31mb',
  },
  async headers() {
    // Pages get their nonce-based CSP from proxy.ts; route handlers (files, JSON) get one that allows nothing.
    return [
      { source: '/:path*', headers: COMMON_SECURITY_HEADERS },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: NON_PAGE_CSP }] },
    ];
  },
};

export default withNextIntl(nextConfig);

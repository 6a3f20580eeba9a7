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
    // + Ny faktura uploads the invoice as a PDF of up to 10 MB through a server action; one setting for every
    // action, so it is the upload's size (BODY_LIMITS.upload), and proxy.ts holds every other page to 1 MB by
    // Content-Length before the body is read (lib/http/body-limit.ts).
    serverActions: { bodySizeLimit: '11mb' },
    proxyClientMaxBodySize: '11mb',
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

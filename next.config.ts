import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // Separate build folders let parallel checkouts' test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // PGlite loads its WASM from a file URL that bundling breaks; pg-boss likewise stays a plain require, and pdfkit
  // reads its font metrics from its own folder at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'pdfkit'],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);

// Security headers that do not depend on the request or the run-time environment (headers() is read
// at build time): on every answer, route handlers and assets included. proxy.ts sends the same ones
// on pages, plus the nonce CSP and, with APP_ENV=production, HSTS. lib/core/security-headers.ts
// holds the rules; tests/unit/security-headers.test.ts checks this list against it.
const TOKEN_PAGES = 'activation|reinitialisation|invitation|invitation-plateforme|rejoindre|signature|api/signature|api/sso';

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      // Their URL carries a token or a class code: never send it to another site.
      { source: `/:page(${TOKEN_PAGES})/:rest*`, headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
      // Route handlers (PDF, ICS, next-auth's sign-out page) are not behind the proxy: no framing either.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "frame-ancestors 'none'" }] },
    ];
  },
  // PGlite loads its WASM and data files from its own package folder: keep these external (and the
  // PDF printing and sealing packages, plain Node libraries).
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    'puppeteer',
    'nodemailer',
    '@prisma/schema-engine-wasm',
    'pdf-lib',
    'node-forge',
    '@signpdf/signpdf',
    '@signpdf/signer-p12',
    '@signpdf/placeholder-pdf-lib',
  ],
  // The end-to-end harness builds into its own folder (scripts/build.ts) so a running app is never
  // rebuilt under its feet.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Types are checked once by `npm run typecheck` (part of `npm test`), not again by every build.
  // The e2e harness points Next at .data/tsconfig.e2e.json, which Next may rewrite freely.
  typescript: { ignoreBuildErrors: true, tsconfigPath: process.env.NEXT_TSCONFIG || 'tsconfig.json' },
  poweredByHeader: false,
};
export default nextConfig;

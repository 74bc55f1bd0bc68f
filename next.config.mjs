/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder: keep these external.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'puppeteer', 'nodemailer', '@prisma/schema-engine-wasm'],
  // The end-to-end harness builds into its own folder (scripts/build.ts) so a running app is never
  // rebuilt under its feet.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Types are checked once by `npm run typecheck` (part of `npm test`), not again by every build.
  // The e2e harness points Next at .data/tsconfig.e2e.json, which Next may rewrite freely.
  typescript: { ignoreBuildErrors: true, tsconfigPath: process.env.NEXT_TSCONFIG || 'tsconfig.json' },
  poweredByHeader: false,
};
export default nextConfig;

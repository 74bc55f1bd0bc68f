/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files from its own package folder: keep it external.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'puppeteer', 'nodemailer', '@prisma/schema-engine-wasm'],
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;

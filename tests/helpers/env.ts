// Test environment defaults: never touch the developer's .data/ database or a real SMTP server.
process.env.NEXTAUTH_SECRET ??= 'test-secret-not-for-production-0123456789';
process.env.ROOT_DOMAIN ??= 'localhost';
process.env.APP_NAME ??= 'ministage';
// Every lookup checks the platforms' fingerprint (tests change them directly through Prisma).
process.env.SITE_CACHE_MS ??= '0';
// Every read of a public page goes to the database (tests change stages directly and read at once).
process.env.SHARED_READ_MS ??= '0';
// A test that calls instrumentation.ts's register() must not leave the yearly rollover's timer behind: a
// minute later it would run in whatever test file the worker is on, with no test database (it then opened
// .data/pglite — the developer's own database — and failed another file's suite in CI).
process.env.ROLLOVER_SCHEDULE ??= 'off';

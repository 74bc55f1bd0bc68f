import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });
const shared = {
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1', '^server-only$': '<rootDir>/tests/helpers/empty.cjs' },
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/.data/'],
};

// next/jest always prepends '/node_modules/' to transformIgnorePatterns: replace it so SWC
// transpiles the ESM-only Prisma runtime that the generated client imports.
const transformIgnorePatterns = ['/node_modules/(?!@prisma/client/runtime/)', '^.+\\.module\\.(css|sass|scss)$'];

async function project(displayName, extra, ignore = []) {
  const c = await createJestConfig({ ...shared, ...extra })();
  c.transformIgnorePatterns = [...transformIgnorePatterns, ...ignore];
  return { displayName, ...c };
}

export default async () => ({
  // Integration tests hash real passwords (scrypt) and open real databases: on a busy 2-core
  // machine a hook can take more than Jest's default 5 s. (Only the global value is read.)
  testTimeout: 60_000,
  projects: [
    await project('node', {
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/helpers/env.ts'],
      // Puppeteer is ESM-only: loaded with Node's own require (the PDF printer of lib/conventions).
      moduleNameMapper: { ...shared.moduleNameMapper, '^puppeteer$': '<rootDir>/tests/helpers/puppeteer.cjs' },
    }),
    await project('jsdom', {
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/components/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-dom.ts'],
    }),
    await project(
      'e2e',
      {
        testEnvironment: 'node',
        testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
        // Native ESM here: Puppeteer 25 is ESM-only. Use `import { jest } from '@jest/globals'` if needed.
        extensionsToTreatAsEsm: ['.ts'],
        setupFiles: ['<rootDir>/tests/helpers/env.ts'],
        globalSetup: '<rootDir>/tests/e2e/global-setup.mjs',
        globalTeardown: '<rootDir>/tests/e2e/global-teardown.mjs',
      },
      ['/tests/e2e/.*\\.mjs$'],
    ), // plain ESM helpers, loaded as they are
  ],
});

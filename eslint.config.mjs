// ESLint flat config (`npm run lint:eslint`). Formatting is Prettier's job (`npm run format:check`):
// no stylistic rule here. See docs/TOOLING.md.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import globals from 'globals';

// Type-aware rules (typescript-eslint's `recommendedTypeChecked`) only when asked: ESLINT_TYPED=1.
const typed = process.env.ESLINT_TYPED === '1';

export default defineConfig(
  {
    name: 'ministage/ignores',
    ignores: ['lib/generated/**', '.next/**', '.data/**', 'node_modules/**', 'tests/e2e/__screenshots__/**', 'coverage/**', '.swc/**', 'next-env.d.ts'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'warn' } },
  js.configs.recommended,
  ...(typed ? tseslint.configs.recommendedTypeChecked : tseslint.configs.recommended),
  {
    name: 'ministage/typescript',
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: typed ? { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } : {},
    rules: {
      // `_name` marks a parameter or binding kept on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // react-hook-form's `onSubmit={handleSubmit(…)}` returns a promise on purpose.
      ...(typed ? { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] } : {}),
    },
  },
  {
    name: 'ministage/plain-js',
    files: ['**/*.{js,mjs,cjs}'],
    ...(typed ? tseslint.configs.disableTypeChecked : {}),
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'ministage/browser-and-node',
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    name: 'ministage/react-hooks',
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'emails/**/*.{ts,tsx}', 'tests/components/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    name: 'ministage/next',
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'proxy.ts', 'instrumentation.ts'],
    plugins: { '@next/next': nextPlugin },
    rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
    settings: { next: { rootDir: import.meta.dirname } },
  },
);

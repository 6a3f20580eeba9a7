import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'db/migrations/**']),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*', '../../*'], message: 'Use the @/ alias.' }] }],
    },
  },
  {
    // Module augmentation must use interface.
    files: ['lib/i18n/global.d.ts', 'lib/auth/auth.ts', 'tests/helpers/*.ts'],
    rules: { '@typescript-eslint/consistent-type-definitions': 'off' },
  },
]);

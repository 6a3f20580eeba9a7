import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { E2E_WORKERS, LongestFirstSequencer } from './tests/helpers/e2e-workers';

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    '@': root,
    // 'server-only' throws outside React Server Components; tests call server modules directly.
    'server-only': path.join(root, 'tests/helpers/empty-module.ts'),
  },
};

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      { resolve, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/database-template.ts'],
          setupFiles: ['tests/helpers/database-per-file.ts', 'tests/helpers/password-cost.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/portal-server.ts'],
          setupFiles: ['tests/helpers/e2e-database.ts'],
          // One portal server and database per worker (tests/helpers/portal-server.ts).
          maxWorkers: E2E_WORKERS,
          fileParallelism: E2E_WORKERS > 1,
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // A page's answer on a loaded machine (two workers beside each other) can take seconds, not vitest's 1 s default.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});

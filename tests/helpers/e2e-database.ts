import { afterAll, inject } from 'vitest';
import { closeSharedBrowser } from './shared-browser';
import { E2E_SECRETS } from './e2e-secrets';

// E2E test files read and arrange rows in the same database, with the same keys, as the portal their worker talks
// to (one portal and database per worker: tests/helpers/portal-server.ts).
const portals = inject('e2ePortals');
const portal = portals[(Number(process.env.VITEST_POOL_ID ?? 1) - 1) % portals.length];
if (!portal) throw new Error('no e2e portal was started');
process.env.DATABASE_URL = portal.databaseUrl;
process.env.E2E_BASE_URL = portal.baseUrl;
Object.assign(process.env, E2E_SECRETS);
afterAll(() => closeSharedBrowser());

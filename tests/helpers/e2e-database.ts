import { inject } from 'vitest';
import { E2E_SECRETS } from './e2e-secrets';

// E2E test files read and arrange rows in the same database, with the same keys, as the running portal.
process.env.DATABASE_URL = inject('e2eDatabaseUrl');
Object.assign(process.env, E2E_SECRETS);

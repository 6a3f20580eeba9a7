import { setPasswordCostForTests } from '@/lib/auth/password';

// Integration tests sign in by the dozen: scrypt at N=2^10 (1 MiB, about a millisecond) instead of production's
// N=2^17. The unit tests and the hashing test in tests/integration/auth/throttle-burst.test.ts use the real cost.
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };
setPasswordCostForTests(TEST_PASSWORD_COST);

import type { MatrixRow } from '@/tests/authorization/types';

// Min side's actions (issue #21). The provider's webhook has no session principal: its signature is the
// permission, and every refusal (no, wrong or stale signature; replay; unknown reference) is proven against the
// database in tests/integration/online-payments/callback.test.ts.
const SIGNED_BY_PROVIDER = 'Signed by the payment provider (HMAC), not by a session: tests/integration/online-payments/callback.test.ts';

export const rows: MatrixRow[] = [
  { file: 'app/api/payments/vipps/route.ts', name: 'POST', needs: 'public', writes: true, notCalled: SIGNED_BY_PROVIDER, input: () => ({}) },
];

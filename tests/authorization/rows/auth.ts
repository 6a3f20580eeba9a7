import type { MatrixRow } from '@/tests/authorization/types';

const SIGN_IN_STEPS = 'public: the sign-in steps themselves; tests/e2e/sign-in.test.ts and tests/integration/auth cover them';

export const rows: MatrixRow[] = [
  { file: 'lib/auth/actions.ts', name: 'signInAction', needs: 'public', writes: true, notCalled: SIGN_IN_STEPS, input: () => ({}) },
  {
    file: 'lib/auth/actions.ts',
    name: 'verifySecondFactorAction',
    needs: 'public',
    writes: true,
    notCalled: SIGN_IN_STEPS,
    input: () => ({}),
  },
  { file: 'lib/auth/actions.ts', name: 'signOutAction', needs: 'public', writes: true, notCalled: SIGN_IN_STEPS, input: () => ({}) },
  {
    file: 'lib/auth/actions.ts',
    name: 'setLocaleAction',
    needs: 'signedIn',
    writes: true,
    input: () => ({ form: { locale: 'en', returnTo: '/cases' } }),
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    name: 'GET',
    needs: 'public',
    writes: false,
    notCalled: "Auth.js's own routes (CSRF token, session, providers)",
    input: () => ({}),
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    name: 'POST',
    needs: 'public',
    writes: false,
    notCalled: "Auth.js's own routes (CSRF token, session, providers)",
    input: () => ({}),
  },
];

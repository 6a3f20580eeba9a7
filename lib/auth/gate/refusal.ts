import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { getLocale } from 'next-intl/server';
import { notFound, redirect } from 'next/navigation';
import { NotAllowedError } from '@/lib/errors';

/**
 * How the gate refuses: on pages and in actions by redirect / not found / NotAllowedError; inside `gatedRoute` by a
 * GateRefusal that becomes 401 / 404 / 403. `debtorSignIn` sends a debtor to Min side's sign-in, never the creditors'.
 */
export type Refusal = 'signIn' | 'secondFactor' | 'debtorSignIn' | 'notFound' | 'forbidden';

export class GateRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(`gate: ${refusal}`);
  }
}

export const routeMode = new AsyncLocalStorage<true>();

const SIGN_IN_PATH: Record<'signIn' | 'secondFactor' | 'debtorSignIn', string> = {
  signIn: '/login',
  secondFactor: '/login/verify',
  debtorSignIn: '/min-side/login',
};

export async function refuse(refusal: Refusal): Promise<never> {
  if (routeMode.getStore()) throw new GateRefusal(refusal);
  if (refusal === 'forbidden') throw new NotAllowedError();
  if (refusal === 'notFound') notFound();
  redirect(`/${await getLocale()}${SIGN_IN_PATH[refusal]}`);
}

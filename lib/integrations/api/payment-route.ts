import 'server-only';
import type { NextRequest } from 'next/server';
import { db } from '@/db';
import type { ApiPrincipal } from './auth';
import { creditNoteRequest, paymentRequest } from './contract';
import { idempotencyKeyOf, idempotent } from './idempotency';
import { json, readBody } from './route';
import { registerApiPayment } from './writes';

/** POST /payments and /credit-notes: validated, then booked once per Idempotency-Key (a replay: the first answer). */
export async function handlePaymentPost(request: NextRequest, principal: ApiPrincipal, kind: 'payment' | 'credit') {
  const key = idempotencyKeyOf(request, true) ?? '';
  const { raw, data } = await readBody(request, kind === 'payment' ? paymentRequest : creditNoteRequest);
  const answer = await idempotent(
    db,
    { companyId: principal.companyId, endpoint: kind === 'payment' ? 'payments' : 'credit-notes', key, body: raw },
    (tx) => registerApiPayment(tx, principal, kind, data, key),
  );
  return json(answer.body, answer.status, answer.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

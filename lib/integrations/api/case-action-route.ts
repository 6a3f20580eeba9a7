import 'server-only';
import type { NextRequest } from 'next/server';
import { db } from '@/db';
import type { StatusAction } from '@/lib/cases/status-rules';
import type { ApiPrincipal } from './auth';
import { withdrawRequest } from './contract';
import { idempotencyKeyOf, idempotent } from './idempotency';
import { json, readBody } from './route';
import { changeApiCaseStatus, parseCaseNumber } from './writes';

export type CaseNumberContext = { params: Promise<{ caseNumber: string }> };

/** POST /cases/{caseNumber}/pause|resume|withdraw; an optional Idempotency-Key makes a retry safe. */
export async function handleCaseAction(request: NextRequest, context: CaseNumberContext, principal: ApiPrincipal, action: StatusAction) {
  const caseNumber = parseCaseNumber((await context.params).caseNumber);
  const key = idempotencyKeyOf(request, false);
  const body = action === 'withdraw' ? await readBody(request, withdrawRequest) : { raw: {}, data: { reason: undefined } };
  const answer = await idempotent(
    db,
    { companyId: principal.companyId, endpoint: `cases/${caseNumber}/${action}`, key, body: body.raw },
    (tx) => changeApiCaseStatus(tx, principal, caseNumber, action, body.data.reason),
  );
  return json(answer.body, answer.status, answer.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

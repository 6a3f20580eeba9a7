import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { cases } from '@/db/schema';
import { changeCaseStatus } from '@/lib/cases/mutations';
import { changeCaseStatusSchema, WITHDRAW_REASON_MAX } from '@/lib/cases/schemas';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { balanceAndLedger, caseEvents, makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { makeUser } from '@/tests/helpers/factories';

async function statusOf(caseId: string) {
  const [row] = await db
    .select({ status: cases.status, stage: cases.stage, closedAt: cases.closedAt })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row;
}

async function expectRefusal(promise: Promise<unknown>, messageKey: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).messageKey).toBe(messageKey);
}

describe('changeCaseStatus (Behandle → Pause sak / Gjenoppta sak / Trekk sak)', () => {
  it('pauses an active case and records case.paused with the actor, in one transaction', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const status = await db.transaction((tx) =>
      changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'pause', expectedStatus: 'active' }),
    );
    expect(status).toBe('paused');
    expect((await statusOf(debtCase.id))?.status).toBe('paused');
    const history = await caseEvents(db, company.id, debtCase.id);
    const paused = history.filter((event) => event.type === 'case.paused');
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatchObject({
      actorUserId: actor.userId,
      companyId: company.id,
      subjectType: 'case',
      subjectId: debtCase.id,
      data: {},
    });
    const { balanceOre, ledgerOre } = await balanceAndLedger(db, debtCase.id);
    expect(balanceOre).toBe(ledgerOre);
  });

  it('resumes a paused case and records case.resumed', async () => {
    const { company, actor } = await makeCompanyActor(db, 'admin');
    const debtCase = await makeCase(db, { companyId: company.id, status: 'paused' });
    await db.transaction((tx) => changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'resume', expectedStatus: 'paused' }));
    expect((await statusOf(debtCase.id))?.status).toBe('active');
    const history = await caseEvents(db, company.id, debtCase.id);
    expect(history.map((event) => event.type)).toContain('case.resumed');
  });

  it('withdraws an active or a paused case with the reason in the event', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    for (const from of ['active', 'paused'] as const) {
      const debtCase = await makeCase(db, { companyId: company.id, status: from, stage: 'notice' });
      await db.transaction((tx) =>
        changeCaseStatus(tx, actor, {
          caseId: debtCase.id,
          action: 'withdraw',
          expectedStatus: from,
          reason: 'Kunden har betalt direkte til oss',
        }),
      );
      expect(await statusOf(debtCase.id)).toMatchObject({ status: 'withdrawn', stage: 'notice' });
      const withdrawn = (await caseEvents(db, company.id, debtCase.id)).filter((event) => event.type === 'case.withdrawn');
      expect(withdrawn).toHaveLength(1);
      expect(withdrawn[0]?.data).toEqual({ reason: 'Kunden har betalt direkte til oss' });
      expect(withdrawn[0]?.actorUserId).toBe(actor.userId);
    }
  });

  it('offers nothing on a closed or withdrawn case: every action is refused with what the case is now', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    for (const status of ['closed', 'withdrawn'] as const) {
      const debtCase = await makeCase(db, { companyId: company.id, status });
      for (const action of ['pause', 'resume', 'withdraw'] as const) {
        await expectRefusal(
          db.transaction((tx) => changeCaseStatus(tx, actor, { caseId: debtCase.id, action, expectedStatus: status, reason: 'x' })),
          status === 'closed' ? 'cases.errors.changedToClosed' : 'cases.errors.changedToWithdrawn',
        );
      }
      expect((await statusOf(debtCase.id))?.status).toBe(status);
      expect((await caseEvents(db, company.id, debtCase.id)).map((event) => event.type)).toEqual(['case.registered', 'letter.sent']);
    }
  });

  it('refuses resume on an active case and pause on a paused one', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const active = await makeCase(db, { companyId: company.id });
    await expectRefusal(
      db.transaction((tx) => changeCaseStatus(tx, actor, { caseId: active.id, action: 'resume', expectedStatus: 'active' })),
      'cases.errors.changedToActive',
    );
    const paused = await makeCase(db, { companyId: company.id, status: 'paused' });
    await expectRefusal(
      db.transaction((tx) => changeCaseStatus(tx, actor, { caseId: paused.id, action: 'pause', expectedStatus: 'paused' })),
      'cases.errors.changedToPaused',
    );
  });

  it('refuses a Lese (read) member with the not-allowed message and changes nothing', async () => {
    const { company, actor } = await makeCompanyActor(db, 'read');
    const debtCase = await makeCase(db, { companyId: company.id });
    const error = await db
      .transaction((tx) =>
        changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'withdraw', expectedStatus: 'active', reason: 'Nei' }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect((error as NotAllowedError).messageKey).toBe('common.errors.notAllowed');
    expect((await statusOf(debtCase.id))?.status).toBe('active');
    expect(await caseEvents(db, company.id, debtCase.id)).toHaveLength(2);
  });

  it("treats another company's case as not found, even for that company's admin elsewhere", async () => {
    const { company } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id });
    const outsider = await makeCompanyActor(db, 'admin');
    // The outsider names their own company with the other company's case id: the company scope still hides it.
    await expectRefusal(
      db.transaction((tx) => changeCaseStatus(tx, outsider.actor, { caseId: debtCase.id, action: 'pause', expectedStatus: 'active' })),
      'cases.errors.notFound',
    );
    expect((await statusOf(debtCase.id))?.status).toBe('active');
    expect(await caseEvents(db, company.id, debtCase.id)).toHaveLength(2);
  });

  it('refuses a change when the status moved since the user looked (expected status differs)', async () => {
    const { company, actor } = await makeCompanyActor(db, 'write');
    const debtCase = await makeCase(db, { companyId: company.id, status: 'paused' });
    // The user opened "Trekk sak" while the case was active; someone paused it meanwhile.
    await expectRefusal(
      db.transaction((tx) =>
        changeCaseStatus(tx, actor, { caseId: debtCase.id, action: 'withdraw', expectedStatus: 'active', reason: 'Feil' }),
      ),
      'cases.errors.changedToPaused',
    );
    expect((await statusOf(debtCase.id))?.status).toBe('paused');
  });

  it('two users pausing and withdrawing at once on two connections: one wins, the other gets a clear refusal', async () => {
    const { company, actor: writer } = await makeCompanyActor(db, 'write');
    const other = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    const admin = { userId: other.id, companyId: company.id, role: 'admin' as const };
    for (let round = 0; round < 5; round++) {
      const debtCase = await makeCase(db, { companyId: company.id });
      const results = await Promise.allSettled([
        db.transaction((tx) => changeCaseStatus(tx, writer, { caseId: debtCase.id, action: 'pause', expectedStatus: 'active' })),
        db.transaction((tx) =>
          changeCaseStatus(tx, admin, { caseId: debtCase.id, action: 'withdraw', expectedStatus: 'active', reason: 'Samtidig' }),
        ),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const finalStatus = (await statusOf(debtCase.id))?.status;
      expect(['paused', 'withdrawn']).toContain(finalStatus);
      expect(lost[0]?.reason).toBeInstanceOf(DomainError);
      expect((lost[0]?.reason as DomainError).messageKey).toBe(
        finalStatus === 'paused' ? 'cases.errors.changedToPaused' : 'cases.errors.changedToWithdrawn',
      );
      const changes = (await caseEvents(db, company.id, debtCase.id)).filter(
        (event) => event.type === 'case.paused' || event.type === 'case.withdrawn',
      );
      expect(changes.map((event) => event.type)).toEqual([finalStatus === 'paused' ? 'case.paused' : 'case.withdrawn']);
    }
  });
});

describe('changeCaseStatusSchema', () => {
  const caseId = '5eed0000-0000-4000-8000-0000000000aa';

  it('requires a reason to withdraw, and at most the maximum length', () => {
    const missing = changeCaseStatusSchema.safeParse({ caseId, action: 'withdraw', expectedStatus: 'active', reason: '   ' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'validation.required' });
    const long = changeCaseStatusSchema.safeParse({
      caseId,
      action: 'withdraw',
      expectedStatus: 'active',
      reason: 'x'.repeat(WITHDRAW_REASON_MAX + 1),
    });
    expect(long.error?.issues[0]).toMatchObject({ path: ['reason'], message: 'validation.tooLong' });
    expect(changeCaseStatusSchema.safeParse({ caseId, action: 'withdraw', expectedStatus: 'active', reason: 'Betalt' }).success).toBe(true);
  });

  it('refuses a malformed case id and an unknown action with a translated key', () => {
    const bad = changeCaseStatusSchema.safeParse({ caseId: 'not-a-uuid', action: 'delete', expectedStatus: 'active' });
    expect(bad.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['caseId', 'cases.errors.reloadForm'],
      ['action', 'cases.errors.reloadForm'],
    ]);
  });
});

import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db';
import { caseCollection, cases, letterAccessCodes, letters } from '@/db/schema';
import { letterAccessCodeRow } from '@/lib/auth/letter-code';
import { todayInOslo } from '@/lib/dates';
import { recordEvents } from '@/lib/events/record';
import type { CaseEvent } from '@/lib/events/types';
import { deliverLetters } from './deliveries';
import { decide, type Decision, type LetterPlan, type ReconcilePlan, type Tables } from './rules';
import { writeArrangementChanges, type ArrangementItem } from './arrangements';
import { writeReconciliations } from './reconcile';
import { loadLockedCases, type LoadedCase } from './snapshot';
import { loadTables } from './tables';

/**
 * One engine run: every active case with something owed, in batches (one transaction each, the cases locked with
 * SKIP LOCKED so a second worker takes other cases), each case decided by the pure rules and the batch's letters,
 * ledger rows, events and states written in a few set-based statements. Idempotent: a letter is unique per case,
 * step and date, and the rules see the letters already sent, so a second run the same day changes nothing.
 */

export type EngineRunOptions = {
  now?: Date;
  /** Limit the run to one company or some cases (the desk's on-demand run). */
  companyId?: string;
  caseIds?: string[];
  batchSize?: number;
  accountNumber?: string;
  /** The rate and fee tables, when the caller has them loaded (the demo seed runs the engine hundreds of times). */
  tables?: Tables;
};

/** `reconciled`: cases whose claim changed without a letter (the heavy salær fell due). */
export type EngineRunResult = { examined: number; letters: number; reconciled: number; errors: number; ledgerRows: number; events: number };

const DEFAULT_ACCOUNT = '86011117947';

export async function runEngine(db: Database | Tx, options: EngineRunOptions = {}): Promise<EngineRunResult> {
  const now = options.now ?? new Date();
  const today = todayInOslo(now);
  const batchSize = options.batchSize ?? 500;
  const account = options.accountNumber ?? process.env.AGENCY_ACCOUNT_NUMBER ?? DEFAULT_ACCOUNT;
  const tables = options.tables ?? (await loadTables(db));
  const result: EngineRunResult = { examined: 0, letters: 0, reconciled: 0, errors: 0, ledgerRows: 0, events: 0 };
  let afterId: string | null = null;
  for (;;) {
    const filters = [eq(cases.status, 'active'), gt(cases.balanceOre, 0)];
    if (afterId) filters.push(gt(cases.id, afterId));
    if (options.companyId) filters.push(eq(cases.companyId, options.companyId));
    if (options.caseIds)
      filters.push(inArray(cases.id, options.caseIds.length ? options.caseIds : ['00000000-0000-0000-0000-000000000000']));
    const batch = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(...filters))
      .orderBy(asc(cases.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    const ids = batch.map((row) => row.id);
    // Inside the caller's transaction (the demo seed) a batch needs none of its own.
    const written =
      'rollback' in db
        ? await runBatch(db, ids, today, now, tables, account)
        : await db.transaction((tx) => runBatch(tx, ids, today, now, tables, account));
    result.examined += written.examined;
    result.letters += written.letters;
    result.reconciled += written.reconciled;
    result.errors += written.errors;
    result.ledgerRows += written.ledgerRows;
    result.events += written.events;
    if (batch.length < batchSize) break;
  }
  return result;
}

type Planned = { loaded: LoadedCase; plan: LetterPlan };

async function runBatch(tx: Tx, caseIds: string[], today: string, now: Date, tables: Tables, account: string): Promise<EngineRunResult> {
  const loaded = await loadLockedCases(tx, caseIds, today);
  const planned: Planned[] = [];
  const reconciled: { loaded: LoadedCase; plan: ReconcilePlan }[] = [];
  const failed: { loaded: LoadedCase; decision: Extract<Decision, { kind: 'error' }> }[] = [];
  const cleared: string[] = [];
  const arranged: ArrangementItem[] = [];
  for (const item of loaded) {
    const decision = decide(item.snapshot, item.agreement, today, tables);
    if (decision.kind === 'letter') planned.push({ loaded: item, plan: decision.plan });
    else if (decision.kind === 'reconcile') reconciled.push({ loaded: item, plan: decision.plan });
    else if (decision.kind === 'error') failed.push({ loaded: item, decision });
    else if (decision.kind === 'arrangement') arranged.push({ loaded: item, step: decision.step });
    else if (item.hasState) cleared.push(item.id);
  }
  const written = await writeLetters(tx, planned, today, now, account);
  const corrected = await writeReconciliations(tx, reconciled, now);
  const arrangementEvents = await writeArrangementChanges(tx, arranged, today, now);
  if (failed.length > 0) {
    await tx
      .insert(caseCollection)
      .values(
        failed.map(({ loaded: item, decision }) => ({
          caseId: item.id,
          companyId: item.companyId,
          errorCode: decision.code,
          errorOn: decision.onDate,
        })),
      )
      .onConflictDoUpdate({
        target: caseCollection.caseId,
        set: { errorCode: sql`excluded.error_code`, errorOn: sql`excluded.error_on`, updatedAt: now },
      });
  }
  if (cleared.length > 0) {
    // A case that waits without an error (a rate was added since): its old error is gone.
    await tx
      .update(caseCollection)
      .set({ errorCode: null, errorOn: null })
      .where(and(inArray(caseCollection.caseId, cleared), sql`${caseCollection.errorCode} is not null`));
  }
  return {
    examined: loaded.length,
    letters: written.letters,
    reconciled: reconciled.length,
    errors: failed.length,
    ledgerRows: written.ledgerRows + corrected.ledgerRows,
    events: written.events + corrected.events + arrangementEvents,
  };
}

async function writeLetters(tx: Tx, planned: Planned[], today: string, now: Date, account: string) {
  if (planned.length === 0) return { letters: 0, ledgerRows: 0, events: 0 };
  const inserted = await tx
    .insert(letters)
    .values(
      planned.map(({ loaded: item, plan }) => ({
        companyId: item.companyId,
        caseId: item.id,
        kind: plan.kind,
        sentOn: plan.sentOn,
        deadlineOn: plan.deadlineOn,
        accountNumber: account,
        kid: item.kid,
        amountDueOre: plan.amountDueOre,
        principalOre: plan.owedAfter.principal,
        interestOre: plan.owedAfter.interest,
        feeOre: plan.owedAfter.fee,
        newFeeOre: plan.feeOre,
        interestRateBasisPoints: plan.interestRateBasisPoints,
        interestFromOn: plan.interestFromOn,
        content: { ...item.content, newFees: plan.newFees },
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [letters.caseId, letters.kind, letters.sentOn] })
    .returning({ id: letters.id, caseId: letters.caseId, companyId: letters.companyId, sentOn: letters.sentOn });
  // Each letter prints a code that opens Min side for its case (lib/auth/letter-code.ts); its hash is kept with it.
  if (inserted.length > 0) await tx.insert(letterAccessCodes).values(inserted.map((letter) => letterAccessCodeRow(letter)));
  const letterOf = new Map(inserted.map((row) => [row.caseId, row.id]));
  const sent = planned.filter(({ loaded: item }) => letterOf.has(item.id));
  await deliverLetters(tx, inserted);
  const booked = await writeReconciliations(
    tx,
    sent.map(({ loaded: item, plan }) => ({ loaded: item, plan, letterId: letterOf.get(item.id) })),
    now,
    true,
  );
  const events: { actor: { userId: null; companyId: string }; event: CaseEvent; occurredAt: Date }[] = [];
  for (const { loaded: item, plan } of sent) {
    const actor = { userId: null, companyId: item.companyId };
    if (item.stage !== plan.stage)
      events.push({
        actor,
        event: { type: 'case.stage_changed', caseId: item.id, data: { from: item.stage, to: plan.stage } },
        occurredAt: now,
      });
    events.push({
      actor,
      event: {
        type: 'letter.sent',
        caseId: item.id,
        data: {
          letterKind: plan.kind,
          letterId: letterOf.get(item.id)!,
          accountNumber: account,
          kid: item.kid,
          amountOre: plan.amountDueOre,
          dueOn: plan.deadlineOn ?? today,
        },
      },
      // After the stage change, so the history lists them in order.
      occurredAt: new Date(now.getTime() + 1),
    });
  }
  await recordEvents(tx, events);
  const stageChanges = sent.filter(({ loaded: item, plan }) => item.stage !== plan.stage);
  if (stageChanges.length > 0) {
    await tx.execute(
      sql`update ${cases} c set stage = v.stage::case_stage from (values ${sql.join(
        stageChanges.map(({ loaded: item, plan }) => sql`(${item.id}::uuid, ${plan.stage})`),
        sql`, `,
      )}) as v(id, stage) where c.id = v.id`,
    );
  }
  return { letters: sent.length, ledgerRows: booked.ledgerRows, events: events.length + booked.events };
}

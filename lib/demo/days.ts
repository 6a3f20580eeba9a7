import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { cases, events, invoices } from '@/db/schema';
import { changeCollection } from '@/lib/engine/mutations';
import { afterPlan, decide, type Tables } from '@/lib/engine/rules';
import { runEngine } from '@/lib/engine/run';
import { loadLockedCases, type LoadedCase } from '@/lib/engine/snapshot';
import { loadTables } from '@/lib/engine/tables';
import { recordEvents } from '@/lib/events/record';
import { postEntriesForCases } from '@/lib/ledger';
import { applyAction } from '@/lib/demo/case-actions';
import type { Actors } from '@/lib/demo/case-payments';
import type { Action, CaseOutcome, CasePlan, Context, Stage, Status } from '@/lib/demo/context';
import { DAY_MS, MINUTE_MS, dayNumber, isoFromDay } from '@/lib/dates';

// The demo's clock, moved day by day from the first registration to today. Every morning the collection engine
// runs for that day (at 05:30 Oslo time, as the daily job does); during office hours the creditors, the debtors
// and the desk act. Every letter, fee, interest booking and stage change comes from the engine and the portal's
// own mutations; this file only decides who does what, and when. The cases are written as registered, each
// stamped on its day, before the clock runs: every engine run names its cases, so none sees a case early.

/** 04:30 UTC: 05:30 in Oslo in winter, 06:30 in summer; before office hours either way. */
const ENGINE_RUN_MS = 4.5 * 60 * MINUTE_MS;

type Clock = { tx: Tx; ctx: Context; actors: Actors; tables: Tables; lastMs: Map<string, number> };

/** An instant during office hours on `day`, after everything stamped before on the case. */
function stamp(clock: Clock, caseId: string, day: number): Date {
  const { rng } = clock.ctx;
  let ms = day * DAY_MS + (6 * 60 + rng.int(0, 9 * 60)) * MINUTE_MS;
  const last = clock.lastMs.get(caseId) ?? 0;
  if (ms <= last) ms = last + rng.int(1, 40) * MINUTE_MS;
  clock.lastMs.set(caseId, ms);
  return new Date(ms);
}

/** The cases as registration leaves them, each on its day: the case, its invoices, the principal, the history. */
async function registerCases(clock: Clock, plans: CasePlan[]) {
  const { tx } = clock;
  const registered = plans.map((plan) => ({ plan, at: stamp(clock, plan.id, plan.registeredDay) }));
  await tx.insert(cases).values(
    registered.map(({ plan, at }) => ({
      id: plan.id,
      companyId: plan.company.id,
      caseNumber: plan.caseNumber,
      debtorId: plan.debtor.id,
      kid: plan.kid,
      source: plan.source,
      originalAmountOre: plan.invoices.reduce((sum, invoice) => sum + invoice.amountOre, 0),
      balanceOre: 0,
      dueOn: isoFromDay(Math.min(...plan.invoices.map((invoice) => invoice.dueDay))),
      registeredAt: at,
      updatedAt: at,
    })),
  );
  const invoiceRows = registered.flatMap(({ plan, at }) => plan.invoices.map((invoice) => ({ plan, invoice, at })));
  await tx.insert(invoices).values(
    invoiceRows.map(({ plan, invoice, at }) => ({
      id: invoice.id,
      companyId: plan.company.id,
      caseId: plan.id,
      invoiceNumber: invoice.number,
      issuedOn: isoFromDay(invoice.issuedDay),
      dueOn: isoFromDay(invoice.dueDay),
      amountOre: invoice.amountOre,
      description: invoice.description,
      createdAt: at,
    })),
  );
  await postEntriesForCases(
    tx,
    plans.map((plan) => plan.id),
    invoiceRows.map(({ plan, invoice }) => ({
      companyId: plan.company.id,
      caseId: plan.id,
      kind: 'principal' as const,
      amountOre: invoice.amountOre,
      bookedOn: isoFromDay(invoice.issuedDay),
      invoiceId: invoice.id,
      createdByUserId: plan.registeredBy,
    })),
  );
  await recordEvents(
    tx,
    registered.map(({ plan, at }) => ({
      actor: { userId: plan.registeredBy, companyId: plan.company.id, apiKeyId: plan.registeredBy ? null : clock.actors.apiKeyId },
      event: {
        type: 'case.registered' as const,
        caseId: plan.id,
        data: {
          invoiceNumber: plan.invoices[0]?.number ?? '',
          amountOre: plan.invoices.reduce((sum, invoice) => sum + invoice.amountOre, 0),
          source: plan.source,
        },
      },
      occurredAt: at,
    })),
  );
}

/** When the engine next has something to do for a case, and from when it waits for the desk. */
type Schedule = { dueDay: number | null; awaitingFrom: number | null };

/**
 * Looks ahead with the engine's own rules from `day` on, on the case as it stands (nothing but its next letter
 * or an action changes when that is due): the first day a letter (or an error) is due, and the day the case
 * starts waiting for the desk's legal confirmation.
 */
function lookAhead(clock: Clock, item: LoadedCase, day: number): Schedule {
  let on = isoFromDay(day);
  for (;;) {
    const decision = decide(item.snapshot, item.agreement, on, clock.tables);
    if (decision.kind !== 'wait') return { dueDay: dayNumber(on), awaitingFrom: null };
    if (decision.reason === 'notYet' && decision.nextOn) {
      on = decision.nextOn;
      continue;
    }
    const dueDay = decision.nextOn ? dayNumber(decision.nextOn) : null;
    return { dueDay, awaitingFrom: decision.reason === 'awaitingLegalConfirmation' ? dayNumber(on) : null };
  }
}

function groupByDay<T>(items: T[], dayOf: (item: T) => number): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const item of items) grouped.set(dayOf(item), [...(grouped.get(dayOf(item)) ?? []), item]);
  return grouped;
}

/** Actions after which the case is read again: they change its status or its deadlines. */
const RELOAD_AFTER: ReadonlySet<Action['kind']> = new Set(['pay', 'withdraw', 'pause', 'resume']);

/**
 * Plays the demo from its first registration to today. The engine runs only on the days the rules say a letter is
 * due for some case; the seed keeps each open case's state (as the engine reads it) to know when that is, and
 * reads it again after every action that changes its status or deadlines. A second run today finds nothing.
 */
export async function playDemo(tx: Tx, ctx: Context, plans: CasePlan[], demoActors: Actors): Promise<CaseOutcome[]> {
  const tables = await loadTables(tx);
  const actors: Actors = { ...demoActors, tables };
  const clock: Clock = { tx, ctx, actors, tables, lastMs: new Map() };
  const byId = new Map(plans.map((plan) => [plan.id, plan]));
  const actions = groupByDay(
    plans.flatMap((plan) => plan.actions.map((action): [CasePlan, Action] => [plan, action])),
    ([, action]) => action.day,
  );
  /** The open cases as the engine reads them, the day it has something to do for each, the desk's confirmations. */
  const open = new Map<string, LoadedCase>();
  const due = new Map<string, number>();
  const confirmations = new Map<string, number>();
  const schedule = (item: LoadedCase, fromDay: number) => {
    const { dueDay, awaitingFrom } = lookAhead(clock, item, fromDay);
    if (dueDay === null) due.delete(item.id);
    else due.set(item.id, dueDay);
    const waitDays = byId.get(item.id)?.legalConfirmAfterDays ?? null;
    if (awaitingFrom !== null && waitDays !== null && !item.snapshot.legalConfirmed) confirmations.set(item.id, awaitingFrom + waitDays);
  };
  const reload = async (caseIds: string[], day: number) => {
    for (const id of caseIds) {
      open.delete(id);
      due.delete(id);
    }
    for (const item of await loadLockedCases(tx, caseIds, isoFromDay(day + 1))) {
      open.set(item.id, item);
      schedule(item, day + 1);
    }
  };

  // Registered cases are invisible to the engine until their first letter is due: every run names its cases.
  await registerCases(clock, plans);
  for (const item of await loadLockedCases(
    tx,
    plans.map((plan) => plan.id),
    isoFromDay(ctx.today),
  )) {
    open.set(item.id, item);
    schedule(item, (byId.get(item.id)?.registeredDay ?? 0) + 1);
  }
  const firstDay = Math.min(...plans.map((plan) => plan.registeredDay));
  for (let day = firstDay; day <= ctx.today; day += 1) {
    const dueToday = [...due].filter(([, on]) => on <= day).map(([id]) => id);
    if (dueToday.length > 0) {
      const run = await runEngine(tx, {
        now: new Date(day * DAY_MS + ENGINE_RUN_MS),
        caseIds: dueToday,
        accountNumber: ctx.agencyAccount,
        tables: clock.tables,
      });
      let predicted = 0;
      for (const id of dueToday) {
        const item = open.get(id)!;
        const decision = decide(item.snapshot, item.agreement, isoFromDay(day), clock.tables);
        if (decision.kind === 'letter' || decision.kind === 'reconcile') {
          item.snapshot = afterPlan(item.snapshot, decision.plan);
          predicted += 1;
        }
        schedule(item, day + 1);
      }
      // The engine wrote something else than the rules foresaw (an error on the desk): read the cases again.
      if (run.letters + run.reconciled !== predicted) await reload(dueToday, day);
    }
    if (day > ctx.lastDay) continue;
    const changed = new Set<string>();
    for (const [plan, action] of actions.get(day) ?? []) {
      await applyAction(tx, actors, plan, action, stamp(clock, plan.id, day));
      if (RELOAD_AFTER.has(action.kind)) changed.add(plan.id);
    }
    for (const [id, on] of confirmations) {
      if (on !== day) continue;
      confirmations.delete(id);
      const item = open.get(id);
      if (!(await confirmLegal(clock, byId.get(id)!, day)) || !item) continue;
      item.snapshot = { ...item.snapshot, legalConfirmed: true };
      schedule(item, day + 1);
    }
    if (changed.size > 0) await reload([...changed], day);
  }
  return loadOutcomes(tx, plans, ctx.lastDay);
}

/** The case handler's confirmation on the desk, through the desk's own mutation (ended cases get none). */
async function confirmLegal(clock: Clock, plan: CasePlan, day: number): Promise<boolean> {
  const [row] = await clock.tx.select({ status: cases.status }).from(cases).where(eq(cases.id, plan.id));
  if (row?.status !== 'active' && row?.status !== 'paused') return false;
  await changeCollection(
    clock.tx,
    { userId: clock.ctx.userIds.staff, companyId: plan.company.id },
    { caseId: plan.id, intent: 'confirmLegal', reason: '' },
    'agency',
    stamp(clock, plan.id, day),
  );
  return true;
}

/** How each case stands after the clock ran: for the tasks and messages, which must fit its history. */
async function loadOutcomes(tx: Tx, plans: CasePlan[], lastDay: number): Promise<CaseOutcome[]> {
  const ids = plans.map((plan) => plan.id);
  const rows = await tx.select({ id: cases.id, status: cases.status }).from(cases).where(inArray(cases.id, ids));
  const history = await tx
    .select({ caseId: events.caseId, type: events.type, data: events.data, occurredAt: events.occurredAt })
    .from(events)
    .where(inArray(events.type, ['case.stage_changed', 'case.closed', 'case.withdrawn']));
  const statusOf = new Map(rows.map((row) => [row.id, row.status as Status]));
  return plans.map((plan) => {
    const own = history.filter((event) => event.caseId === plan.id).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    const dayOf = (at: Date) => Math.floor(at.getTime() / DAY_MS);
    const ended = own.find((event) => event.type !== 'case.stage_changed');
    const stageChanges = own
      .filter((event) => event.type === 'case.stage_changed')
      .map((event) => ({ day: dayOf(event.occurredAt), stage: (event.data as { to: Stage }).to }));
    return {
      plan,
      status: statusOf.get(plan.id) ?? 'active',
      stageChanges: [{ day: plan.registeredDay, stage: 'reminder' as Stage }, ...stageChanges],
      lastActiveDay: ended ? dayOf(ended.occurredAt) : lastDay,
    };
  });
}

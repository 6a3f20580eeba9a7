import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { paymentArrangements, planInstalments, tasks } from '@/db/schema';
import { todayInOslo } from '@/lib/dates';
import { reconcileLoaded } from '@/lib/engine/reconcile';
import type { Tables } from '@/lib/engine/rules';
import { loadLockedCases, type LoadedCase } from '@/lib/engine/snapshot';
import { loadTables } from '@/lib/engine/tables';
import { DomainError } from '@/lib/errors';
import { recordEvent } from '@/lib/events/record';
import { taskText, taskTitleParams, type SystemTask } from '@/lib/i18n/task-text';
import { notifyCompanyUsers } from '@/lib/notifications/notify';
import type { DebtorCaseScope } from '@/lib/online-payments/mutations';
import { previewArrangement, type ArrangementPreview } from './options';
import type { ArrangementInput } from './schemas';

export type ArrangementOutcome = {
  arrangementId: string;
  status: 'active' | 'requested';
  preview: ArrangementPreview;
  taskId: string | null;
};

/** The case as the rules see it, locked; an ended, disputed or already arranged case is refused. */
export async function loadArrangeableCase(
  tx: Tx,
  scope: DebtorCaseScope,
  today: string,
): Promise<{ loaded: LoadedCase; hadPlan: boolean }> {
  const [loaded] = await loadLockedCases(tx, [scope.caseId], today, ['active']);
  if (!loaded || loaded.companyId !== scope.companyId) throw new DomainError('debtorActions.plan.errors.caseNotOpen');
  if (loaded.snapshot.disputed) throw new DomainError('debtorActions.plan.errors.disputed');
  const earlier = await tx
    .select({ kind: paymentArrangements.kind, status: paymentArrangements.status })
    .from(paymentArrangements)
    .where(
      and(eq(paymentArrangements.caseId, loaded.id), inArray(paymentArrangements.status, ['active', 'requested', 'completed', 'broken'])),
    );
  if (earlier.some((row) => row.status === 'active' || row.status === 'requested'))
    throw new DomainError('debtorActions.plan.errors.alreadyArranged');
  return { loaded, hadPlan: earlier.some((row) => row.kind === 'plan') };
}

/**
 * The debtor confirms time or a plan. Inside the agreement's limits it starts at once: its schedule is stored, the
 * plan fee (if any) becomes part of the claim and is booked now, and the engine holds the path while it is kept.
 * Outside them (or when the agency may not approve) it waits as a request, with a task for the creditor.
 */
export async function requestArrangement(
  tx: Tx,
  scope: DebtorCaseScope,
  input: ArrangementInput,
  now = new Date(),
  tables?: Tables,
): Promise<ArrangementOutcome> {
  if (input.caseId !== scope.caseId) throw new DomainError('cases.errors.notFound');
  const today = todayInOslo(now);
  const { loaded, hadPlan } = await loadArrangeableCase(tx, scope, today);
  const loadedTables = tables ?? (await loadTables(tx));
  const preview = previewArrangement(loaded, input, today, loadedTables, hadPlan);
  // Outside the limits is not refused: it becomes a question for the creditor.
  const inside = preview.limit === 'inside';
  const schedule =
    preview.kind === 'plan'
      ? preview.option.instalments
      : [{ number: 1, dueOn: preview.option.untilOn, amountOre: preview.option.totalOre }];
  const untilOn = schedule.at(-1)?.dueOn ?? today;
  const planFeeOre = preview.kind === 'plan' ? preview.option.planFeeOre : 0;
  const [arrangement] = await tx
    .insert(paymentArrangements)
    .values({
      companyId: loaded.companyId,
      caseId: loaded.id,
      kind: preview.kind,
      status: inside ? 'active' : 'requested',
      startsOn: today,
      untilOn,
      instalmentCount: schedule.length,
      planFeeOre,
      totalOre: preview.option.totalOre,
      createdAt: now,
    })
    .returning({ id: paymentArrangements.id });
  if (!arrangement) throw new Error('arrangement insert returned nothing');
  await tx.insert(planInstalments).values(
    schedule.map((item) => ({
      companyId: loaded.companyId,
      arrangementId: arrangement.id,
      number: item.number,
      dueOn: item.dueOn,
      amountOre: item.amountOre,
    })),
  );
  const actor = { userId: null, companyId: loaded.companyId };
  if (inside) {
    await recordEvent(
      tx,
      actor,
      {
        type: 'arrangement.started',
        caseId: loaded.id,
        data: { kind: preview.kind, instalments: schedule.length, totalOre: preview.option.totalOre, planFeeOre, untilOn },
      },
      now,
    );
    if (planFeeOre > 0) {
      // The fee is part of the claim from today: book it now, as any change of the claim is (lib/engine/reconcile.ts).
      const snapshot = {
        ...loaded.snapshot,
        planFee: { onDate: today, amountOre: planFeeOre },
        arrangement: { id: arrangement.id, kind: preview.kind, startsOn: today, untilOn, instalments: [] },
      };
      await reconcileLoaded(tx, { ...loaded, snapshot }, today, loadedTables, { now });
    }
    return { arrangementId: arrangement.id, status: 'active', preview, taskId: null };
  }
  const system: SystemTask = {
    kind: 'arrangement_request',
    params: {
      arrangement: preview.kind,
      instalments: schedule.length,
      untilOn,
      totalOre: preview.option.totalOre,
      limit: preview.limit,
      schedule: schedule.map(({ number, dueOn, amountOre }) => ({ number, dueOn, amountOre })),
    },
  };
  // title and body keep the Norwegian words too: what reads the raw row (the API, exports, old code) still has text.
  const { title, body } = taskText({ ...system, title: '' }, 'nb');
  const [task] = await tx
    .insert(tasks)
    .values({ companyId: loaded.companyId, caseId: loaded.id, title, body, ...system, createdAt: now })
    .returning({ id: tasks.id });
  if (!task) throw new Error('task insert returned nothing');
  await tx.update(paymentArrangements).set({ taskId: task.id }).where(eq(paymentArrangements.id, arrangement.id));
  await recordEvent(
    tx,
    actor,
    {
      type: 'arrangement.requested',
      caseId: loaded.id,
      data: { kind: preview.kind, instalments: schedule.length, totalOre: preview.option.totalOre, untilOn, taskId: task.id },
    },
    now,
  );
  await recordEvent(
    tx,
    actor,
    { type: 'task.created', caseId: loaded.id, data: { taskId: task.id, title, kind: system.kind, params: taskTitleParams(system) } },
    now,
  );
  await notifyCompanyUsers(
    tx,
    {
      kind: 'tasks',
      companyId: loaded.companyId,
      caseId: loaded.id,
      caseNumber: loaded.caseNumber,
      title,
      task: system,
      actorUserId: null,
    },
    now,
  );
  return { arrangementId: arrangement.id, status: 'requested', preview, taskId: task.id };
}

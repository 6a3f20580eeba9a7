import { creditorUser, type CaseOutcome, type Context, type DemoRows, type Stage } from '@/lib/demo/context';
import { DAY_MS, MINUTE_MS, isoFromDay } from '@/lib/dates';
import { MESSAGE_THREADS, TASK_TEMPLATES } from '@/lib/demo/work-texts';

// The work between agency and creditor on the demo cases: 25 open and 25 answered tasks, ~60 messages.

function stageAt(outcome: CaseOutcome, day: number): Stage {
  let stage: Stage = 'reminder';
  for (const change of outcome.stageChanges) if (change.day <= day) stage = change.stage;
  return stage;
}

/** Days on which tasks and messages may appear: after registration, before the case ended, not after yesterday. */
function openWindow(outcome: CaseOutcome, lastDay: number): [number, number] {
  const ended = outcome.status === 'closed' || outcome.status === 'withdrawn';
  return [outcome.plan.registeredDay + 1, ended ? outcome.lastActiveDay - 1 : lastDay];
}

function pickCompanyCase(ctx: Context, candidates: CaseOutcome[]): CaseOutcome | undefined {
  const companyIndex = ctx.rng.next() < 0.6 ? 0 : ctx.rng.int(1, 2);
  const ofCompany = candidates.filter((outcome) => outcome.plan.companyIndex === companyIndex);
  return ofCompany.length > 0 ? ctx.rng.pick(ofCompany) : candidates[0];
}

function atMinute(ctx: Context, day: number): Date {
  return new Date(day * DAY_MS + (6 * 60 + ctx.rng.int(0, 9 * 60)) * MINUTE_MS);
}

export function addTasks(ctx: Context, outcomes: CaseOutcome[], rows: DemoRows) {
  const { rng, lastDay } = ctx;
  const used = new Set<string>();
  const open = outcomes.filter((o) => (o.status === 'active' || o.status === 'paused') && o.plan.registeredDay + 1 <= lastDay);
  const answerable = outcomes.filter((o) => {
    const [from, to] = openWindow(o, lastDay);
    return to - from >= 6;
  });
  for (let n = 0; n < 50; n += 1) {
    const isOpen = n < 25;
    const outcome = pickCompanyCase(
      ctx,
      (isOpen ? open : answerable).filter((o) => !used.has(o.plan.id)),
    );
    if (!outcome) continue;
    used.add(outcome.plan.id);
    const [from, to] = openWindow(outcome, lastDay);
    const createdDay = isOpen ? rng.int(Math.max(from, lastDay - 30), to) : rng.int(from, to - 5);
    const stage = stageAt(outcome, createdDay);
    const template = rng.pick(TASK_TEMPLATES.filter((t) => !t.stages || t.stages.includes(stage)));
    const companyId = outcome.plan.company.id;
    const createdAt = atMinute(ctx, createdDay);
    const id = ctx.newId();
    const answeredBy = isOpen ? null : creditorUser(ctx, outcome.plan.companyIndex);
    const answeredAt = isOpen ? null : atMinute(ctx, createdDay + rng.int(1, 4));
    rows.tasks.push({
      id,
      companyId,
      caseId: outcome.plan.id,
      assignedUserId: outcome.plan.companyIndex === 0 && rng.chance(0.4) ? ctx.userIds.writer : null,
      title: template.title,
      body: template.body,
      status: isOpen ? 'open' : 'answered',
      dueOn: isoFromDay(createdDay + 14),
      answer: isOpen ? null : rng.pick(template.answers),
      answeredByUserId: answeredBy,
      answeredAt,
      createdAt,
    });
    const base = { companyId, subjectType: 'case', subjectId: outcome.plan.id, caseId: outcome.plan.id };
    rows.events.push({
      id: ctx.newId(),
      ...base,
      actorUserId: null,
      type: 'task.created',
      data: { taskId: id, title: template.title },
      occurredAt: createdAt,
    });
    if (answeredAt) {
      rows.events.push({
        id: ctx.newId(),
        ...base,
        actorUserId: answeredBy,
        type: 'task.answered',
        data: { taskId: id, title: template.title },
        occurredAt: answeredAt,
      });
    }
  }
}

export function addMessages(ctx: Context, outcomes: CaseOutcome[], rows: DemoRows) {
  const { rng, lastDay } = ctx;
  const cutoffMs = (lastDay + 1) * DAY_MS;
  const candidates = outcomes.filter((o) => {
    const [from, to] = openWindow(o, lastDay);
    return to - from >= 8;
  });
  while (rows.messages.length < 60) {
    const outcome = pickCompanyCase(ctx, candidates);
    if (!outcome) return;
    const thread = rng.pick(MESSAGE_THREADS);
    const [from, to] = openWindow(outcome, lastDay);
    let day = rng.int(from, to - 6);
    let lastMs = 0;
    thread.lines.forEach((body, index) => {
      const fromAgency = thread.agencyFirst === (index % 2 === 0);
      let ms = atMinute(ctx, day).getTime();
      if (ms <= lastMs) ms = lastMs + rng.int(20, 180) * MINUTE_MS;
      lastMs = ms;
      const createdAt = new Date(ms);
      // The draws of the read times messages no longer store, so the rest of the seeded demo stays the same.
      const readMs = ms + rng.int(60, 36 * 60) * MINUTE_MS;
      if (readMs < cutoffMs && fromAgency && day >= lastDay - 21) rng.chance(0.6);
      const authorUserId = fromAgency ? null : creditorUser(ctx, outcome.plan.companyIndex);
      const id = ctx.newId();
      const companyId = outcome.plan.company.id;
      rows.messages.push({ id, companyId, caseId: outcome.plan.id, authorUserId, fromAgency, body, createdAt });
      rows.events.push({
        id: ctx.newId(),
        companyId,
        actorUserId: authorUserId,
        type: fromAgency ? 'message.received' : 'message.sent',
        subjectType: 'case',
        subjectId: outcome.plan.id,
        caseId: outcome.plan.id,
        data: { messageId: id },
        occurredAt: createdAt,
      });
      day = Math.min(to, day + rng.int(0, 2));
    });
  }
}

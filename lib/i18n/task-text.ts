// In lib/i18n, not lib/tasks: the notification email (lib/email) renders titles too, and it may not reach the domain.
import { createTranslator } from 'next-intl';
import { z } from 'zod';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

const MESSAGES = { nb, en } as const;

/** Tasks the system writes (the debtor's objection, a plan asked for outside the limits); null: a person's words. */
export const TASK_KINDS = ['objection', 'arrangement_request'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

const objectionTitle = z.object({ reason: z.enum(['already_paid', 'wrong_amount', 'not_received', 'other']) });
const objectionParams = objectionTitle.extend({ text: z.string(), files: z.array(z.string()) });
const arrangementTitle = z.object({
  arrangement: z.enum(['plan', 'postponement']),
  instalments: z.number().int(),
  untilOn: z.string().nullable(),
});
const arrangementParams = arrangementTitle.extend({
  totalOre: z.number().int(),
  limit: z.enum(['inside', 'tooLong', 'instalmentTooSmall', 'needsCreditor']),
  schedule: z.array(z.object({ number: z.number().int(), dueOn: z.string(), amountOre: z.number().int() })),
});

export type ObjectionTaskParams = z.infer<typeof objectionParams>;
export type ArrangementTaskParams = z.infer<typeof arrangementParams>;
export type SystemTask =
  { kind: 'objection'; params: ObjectionTaskParams } | { kind: 'arrangement_request'; params: ArrangementTaskParams };

/** What a task's text is made from: the row's kind and params, and its stored words for a person's task (or an old row). */
export type TaskTextSource = { kind: string | null; params: unknown; title: string; body?: string };

function translator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale] as typeof nb, namespace: 'taskText' });
}

/** The debtor's reason for an objection in `locale`; null when the value is not one (a person's free text). */
export function objectionReasonText(reason: unknown, locale: Locale): string | null {
  const parsed = objectionTitle.shape.reason.safeParse(reason);
  return parsed.success ? translator(locale)(`objection.reasons.${parsed.data}`) : null;
}

/** Only what the title needs: history events carry this, never the debtor's own words. */
export function taskTitleParams(task: SystemTask): Record<string, unknown> {
  if (task.kind === 'objection') return { reason: task.params.reason };
  const { arrangement, instalments, untilOn } = task.params;
  return { arrangement, instalments, untilOn };
}

/** For an event about a stored task row: its kind and title params, or nothing for a person's task. */
export function taskEventRef(task: { kind: string | null; params: unknown }): { kind?: TaskKind; params?: Record<string, unknown> } {
  if (task.kind === 'objection') {
    const parsed = objectionTitle.safeParse(task.params);
    if (parsed.success) return { kind: task.kind, params: parsed.data };
  }
  if (task.kind === 'arrangement_request') {
    const parsed = arrangementTitle.safeParse(task.params);
    if (parsed.success) return { kind: task.kind, params: parsed.data };
  }
  return {};
}

/** The task's title in the reader's language; a person's task (or params that do not parse) keeps its own words. */
export function taskTitle(task: TaskTextSource, locale: Locale): string {
  const t = translator(locale);
  if (task.kind === 'objection') {
    const parsed = objectionTitle.safeParse(task.params);
    if (parsed.success) return t('objection.title', { reason: t(`objection.reasons.${parsed.data.reason}`) });
  }
  if (task.kind === 'arrangement_request') {
    const parsed = arrangementTitle.safeParse(task.params);
    if (parsed.success) {
      const { arrangement, instalments, untilOn } = parsed.data;
      return arrangement === 'plan'
        ? t('arrangementRequest.titlePlan', { instalments })
        : t('arrangementRequest.titlePostponement', { untilOn: untilOn ? formatDate(untilOn, locale) : '' });
    }
  }
  return task.title;
}

/** The task's text in the reader's language; the debtor's own words stay as written. */
export function taskBody(task: TaskTextSource, locale: Locale): string {
  const t = translator(locale);
  if (task.kind === 'objection') {
    const parsed = objectionParams.safeParse(task.params);
    if (parsed.success) {
      const { text, files } = parsed.data;
      return files.length ? `${text}\n\n${t('objection.files', { files: files.join(', ') })}` : text;
    }
  }
  if (task.kind === 'arrangement_request') {
    const parsed = arrangementParams.safeParse(task.params);
    if (parsed.success) {
      const { totalOre, schedule, limit } = parsed.data;
      return [
        t('arrangementRequest.total', { total: formatOre(totalOre, locale) }),
        ...schedule.map((item) =>
          t('arrangementRequest.line', {
            number: item.number,
            dueOn: formatDate(item.dueOn, locale),
            amount: formatOre(item.amountOre, locale),
          }),
        ),
        t('arrangementRequest.outside', { limit: t(`arrangementRequest.limits.${limit}`) }),
      ].join('\n');
    }
  }
  return task.body ?? '';
}

/** Title and text together, for the screens that show both. */
export function taskText(task: TaskTextSource, locale: Locale): { title: string; body: string } {
  return { title: taskTitle(task, locale), body: taskBody(task, locale) };
}

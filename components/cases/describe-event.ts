import type { getTranslations } from 'next-intl/server';
import { CASE_STAGES, type CaseStage } from '@/lib/cases/status-rules';
import type { HistoryEntry } from '@/lib/cases/queries';
import { formatDate } from '@/lib/i18n/format';
import { letterKindKey } from '@/lib/letters/text';
import type { Locale } from '@/lib/i18n/routing';
import { objectionReasonText, taskTitle } from '@/lib/i18n/task-text';
import { formatOre, formatOreNumber } from '@/lib/money';

type CasesTranslator = Awaited<ReturnType<typeof getTranslations<'cases'>>>;

const LETTER_KINDS = ['reminder', 'notice', 'demand', 'legal_notice', 'surveillance_notice'] as const;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function stageName(t: CasesTranslator, value: unknown): string {
  const stage = CASE_STAGES.find((candidate) => candidate === value);
  return stage ? t(`stage.${stage satisfies CaseStage}`) : text(value);
}

/** A task event's title: a system task's from its kind and params, in the reader's language; else the words stored. */
function eventTaskTitle(data: HistoryEntry['data'], locale: Locale): string {
  return taskTitle({ kind: text(data.kind) || null, params: data.params, title: text(data.title) }, locale);
}

/** One translated sentence for a history event, with its amounts and dates in the reader's locale. */
export function describeEvent(t: CasesTranslator, entry: HistoryEntry, locale: Locale): string {
  const data = entry.data;
  const currency = text(data.currency) || 'NOK';
  const amount = typeof data.amountOre === 'number' ? formatOre(data.amountOre, locale, currency) : '';
  const date = (value: unknown) => (text(value) ? formatDate(text(value), locale) : '');
  switch (entry.type) {
    case 'case.registered':
      return t('event.registered', { invoiceNumber: text(data.invoiceNumber), amount });
    case 'letter.sent': {
      const kind = LETTER_KINDS.find((candidate) => candidate === data.letterKind) ?? 'reminder';
      return t('event.letterSent', { letter: t(`letter.${letterKindKey(kind)}`), amount, dueOn: date(data.dueOn) });
    }
    case 'payment.registered':
      return t('event.paymentRegistered', { source: text(data.source) || 'agency', amount, paidOn: date(data.paidOn) });
    case 'credit_note.registered':
      return t('event.creditNoteRegistered', { amount, creditedOn: date(data.creditedOn) });
    case 'claim.corrected':
      return t('event.claimCorrected', {
        component: text(data.component),
        direction: typeof data.amountOre === 'number' && data.amountOre < 0 ? 'back' : 'added',
        feeKind: text(data.feeKind) || 'other',
        reason: text(data.reason) || 'recalculated',
        amount: typeof data.amountOre === 'number' ? formatOre(Math.abs(data.amountOre), locale, currency) : '',
      });
    case 'case.paused':
      return t('event.paused');
    case 'case.resumed':
      return t('event.resumed');
    case 'case.withdrawn':
      return t('event.withdrawn', { reason: text(data.reason) });
    case 'case.closed':
      return t('event.closed', { reason: text(data.reason) || 'other' });
    case 'case.stage_changed':
      return t('event.stageChanged', { from: stageName(t, data.from), to: stageName(t, data.to) });
    case 'case.disputed':
      return t('event.disputed', {
        by: text(data.by) || 'creditor',
        reason: objectionReasonText(data.reasonKey, locale) ?? text(data.reason),
      });
    case 'case.dispute_resolved':
      return t('event.disputeResolved');
    case 'case.dispute_decided':
      return t('event.disputeDecided', {
        outcome: text(data.outcome) || 'partly',
        by: text(data.by) || 'creditor',
        amount,
        costsWaived: data.costsWaived === true ? 'yes' : 'no',
        reason: text(data.reason),
      });
    case 'case.legal_confirmed':
      return t('event.legalConfirmed');
    case 'case.rate_corrected': {
      // Interest in basis points (shown as a percent), the amounts in øre.
      const figure = (value: unknown): string =>
        typeof value !== 'number' ? '' : data.kind === 'interest' ? `${formatOreNumber(value, locale)} %` : formatOre(value, locale);
      return t('event.rateCorrected', {
        kind: text(data.kind) || 'other',
        validFrom: date(data.validFrom),
        from: figure(data.from),
        to: figure(data.to),
      });
    }
    case 'message.received':
      return t('event.messageReceived');
    case 'message.sent':
      return t('event.messageSent');
    case 'task.created':
      return t('event.taskCreated', { title: eventTaskTitle(data, locale) });
    case 'task.answered':
      return t('event.taskAnswered', { title: eventTaskTitle(data, locale) });
    case 'task.closed':
      return t('event.taskClosed', { title: eventTaskTitle(data, locale) });
    case 'task.reopened':
      return t('event.taskReopened', { title: eventTaskTitle(data, locale) });
    case 'arrangement.started':
    case 'arrangement.requested':
      return t(entry.type === 'arrangement.started' ? 'event.arrangementStarted' : 'event.arrangementRequested', {
        kind: text(data.kind),
        instalments: typeof data.instalments === 'number' ? data.instalments : 1,
        total: typeof data.totalOre === 'number' ? formatOre(data.totalOre, locale) : '',
        untilOn: date(data.untilOn),
      });
    case 'arrangement.instalment_missed':
      return t('event.instalmentMissed', { amount, dueOn: date(data.dueOn), deadlineOn: date(data.deadlineOn) });
    case 'arrangement.ended':
      return t('event.arrangementEnded', { kind: text(data.kind), outcome: text(data.outcome) });
    default:
      return t('event.other');
  }
}

/** The invoice a payment or credit note was registered against, if the event names one. */
export function invoiceOf(entry: HistoryEntry): string | null {
  const value = entry.data.invoiceNumber;
  return typeof value === 'string' && value ? value : null;
}

import type { Role } from '@/lib/roles';

export type LetterKind = 'reminder' | 'notice' | 'demand' | 'legal_notice' | 'surveillance_notice';
/** A system task's kind and its title's params (lib/i18n/task-text.ts): Historikk reads the title in the reader's language. */
type TaskRef = { taskId: string; title: string; kind?: string | null; params?: Record<string, unknown> };
export type PaymentSource = 'creditor' | 'agency' | 'autocollect';

/** What a letter carried when it was sent: shown again when the letter is opened in the history. */
export type LetterPaymentInfo = { accountNumber: string; kid: string; amountOre: number; dueOn: string };

/** A correcting ledger entry the engine posted to bring the ledger to the claim (lib/engine/rules/reconcile.ts). */
export type ClaimCorrection = { component: 'interest' | 'fee' | 'payment'; feeKind: string | null; amountOre: number; reason: string };

/** Every event the portal records, by type. The payload keeps what the timeline needs; never secrets. */
export type PortalEvent =
  | { type: 'case.registered'; caseId: string; data: { invoiceNumber: string; amountOre: number; source: string } }
  | { type: 'letter.sent'; caseId: string; data: LetterPaymentInfo & { letterKind: LetterKind; letterId?: string } }
  | { type: 'claim.corrected'; caseId: string; data: ClaimCorrection }
  | { type: 'case.disputed'; caseId: string; data: { reason: string; reasonKey?: string; by: 'creditor' | 'agency' | 'debtor' } }
  | { type: 'case.dispute_resolved'; caseId: string; data: Record<string, never> }
  | {
      type: 'case.dispute_decided';
      caseId: string;
      data: { outcome: 'debtor' | 'partly'; amountOre: number; costsWaived: boolean; reason: string; by: 'creditor' | 'agency' };
    }
  | { type: 'case.legal_confirmed'; caseId: string; data: Record<string, never> }
  | {
      type: 'arrangement.started';
      caseId: string;
      data: { kind: 'postponement' | 'plan'; instalments: number; totalOre: number; planFeeOre: number; untilOn: string };
    }
  | {
      type: 'arrangement.requested';
      caseId: string;
      data: { kind: 'postponement' | 'plan'; instalments: number; totalOre: number; untilOn: string; taskId: string };
    }
  | {
      type: 'arrangement.instalment_missed';
      caseId: string;
      data: { number: number; amountOre: number; dueOn: string; deadlineOn: string };
    }
  | { type: 'arrangement.ended'; caseId: string; data: { kind: 'postponement' | 'plan'; outcome: 'completed' | 'broken' | 'expired' } }
  | { type: 'message.from_debtor'; caseId: string; data: { messageId: string } }
  | { type: 'message.to_debtor'; caseId: string; data: { messageId: string } }
  | {
      type: 'case.rate_corrected';
      caseId: string;
      data: { kind: 'interest' | 'standard_compensation' | 'collection_rate'; validFrom: string; from: number; to: number };
    }
  | {
      type: 'payment.registered';
      caseId: string;
      data: { amountOre: number; paidOn: string; currency: string; invoiceNumber: string | null; source: PaymentSource };
    }
  | {
      type: 'credit_note.registered';
      caseId: string;
      data: { amountOre: number; creditedOn: string; currency: string; invoiceNumber: string | null };
    }
  | { type: 'case.paused'; caseId: string; data: Record<string, never> }
  | { type: 'case.resumed'; caseId: string; data: Record<string, never> }
  | { type: 'case.withdrawn'; caseId: string; data: { reason: string } }
  | { type: 'case.closed'; caseId: string; data: { reason: 'paid' | 'agency' } }
  | { type: 'case.stage_changed'; caseId: string; data: { from: string; to: string } }
  | { type: 'message.received'; caseId: string; data: { messageId: string } }
  | { type: 'message.sent'; caseId: string; data: { messageId: string } }
  | { type: 'task.created'; caseId: string; data: TaskRef }
  | { type: 'task.answered'; caseId: string; data: TaskRef & { answer?: string } }
  | { type: 'task.closed'; caseId: string; data: TaskRef }
  | { type: 'task.reopened'; caseId: string; data: TaskRef }
  | { type: 'user.signed_in'; userId: string; data: { method: string } }
  | { type: 'user.signed_out'; userId: string; data: Record<string, never> }
  | { type: 'user.sign_in_failed'; userId: string; data: { step: 'password' | 'second_factor' } }
  | { type: 'user.recovery_code_used'; userId: string; data: Record<string, never> }
  | { type: 'user.password_changed'; userId: string; data: Record<string, never> }
  | { type: 'user.reauthenticated'; userId: string; data: { method: 'password' } }
  | { type: 'user.second_factor_added'; userId: string; data: { method: 'totp' | 'sms' | 'passkey'; replaced: boolean } }
  | { type: 'user.second_factor_removed'; userId: string; data: { method: 'totp' | 'sms' | 'passkey' } }
  | { type: 'user.preferred_second_factor_changed'; userId: string; data: { from: string; to: string } }
  | { type: 'user.recovery_codes_generated'; userId: string; data: { count: number } }
  | { type: 'user.sessions_revoked'; userId: string; data: { count: number } }
  | { type: 'user.locale_changed'; userId: string; data: { from: string; to: string } }
  | { type: 'member.role_changed'; userId: string; data: { from: Role; to: Role } }
  | { type: 'member.added'; userId: string; data: { role: Role; via: 'admin' | 'invitation' } }
  | { type: 'member.removed'; userId: string; data: { role: Role } }
  | { type: 'user.deleted'; userId: string; data: { email: string } }
  | { type: 'user.beta_changed'; userId: string; data: { betaEnabled: boolean } }
  | { type: 'user.notifications_changed'; userId: string; data: { tasks: boolean; messages: boolean; via: 'settings' | 'unsubscribe' } }
  | { type: 'user.profile_updated'; userId: string; data: { fields: ('name' | 'phone')[] } }
  | { type: 'api_key.created'; apiKeyId: string; data: { name: string; prefix: string } }
  | { type: 'api_key.revoked'; apiKeyId: string; data: { name: string; prefix: string } }
  | { type: 'company.autocollect_changed'; companyId: string; data: { enabled: boolean } }
  | { type: 'company.webhook_added'; companyId: string; data: { endpointId: string; url: string } }
  | { type: 'company.webhook_removed'; companyId: string; data: { endpointId: string; url: string } }
  | { type: 'company.webhook_resent'; companyId: string; data: { deliveryId: string; eventType: string } }
  | { type: 'invitation.sent'; invitationId: string; data: { email: string; role: Role; locale: string } }
  | { type: 'invitation.resent'; invitationId: string; data: { email: string } }
  | { type: 'invitation.revoked'; invitationId: string; data: { email: string } }
  | { type: 'invitation.accepted'; invitationId: string; data: { email: string; userId: string } }
  | { type: 'company.settlement_email_changed'; companyId: string; data: { from: string | null; to: string | null; locale: 'nb' | 'en' } };

export type CaseEvent = Extract<PortalEvent, { caseId: string }>;

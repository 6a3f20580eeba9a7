import type { Executor } from '@/db/client';
import { debtorNoticeSms, type DebtorNoticeEmail } from '@/lib/email/debtor-notice';
import { enqueueEmail } from '@/lib/email/outbox';
import type { Locale } from '@/lib/i18n/routing';
import { enqueueSms } from '@/lib/sms/outbox';

/**
 * One notice to a debtor through the outbox, in the caller's transaction: by email when there is an address for it,
 * else by SMS to the phone, else none. Returns the outbox id to dispatch after the commit (null: nothing queued).
 */
export async function enqueueDebtorNotice(
  tx: Executor,
  to: { email: string | null; phone: string | null },
  message: { companyId: string; locale: Locale; notice: DebtorNoticeEmail; data: Record<string, unknown> },
): Promise<string | null> {
  const { companyId, locale, notice, data } = message;
  if (to.email) return enqueueEmail(tx, { companyId, recipient: to.email, locale, email: notice, data });
  if (to.phone) return enqueueSms(tx, { recipient: to.phone, locale, template: 'debtor_notice', text: debtorNoticeSms(locale, notice) });
  return null;
}

/** The consent's address as the notice's email or phone, by the channel the debtor chose. */
export function consentAddress(consent: { channel: 'email' | 'sms'; address: string }) {
  return consent.channel === 'email' ? { email: consent.address, phone: null } : { email: null, phone: consent.address };
}

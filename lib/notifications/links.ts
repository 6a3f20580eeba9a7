import type { Locale } from '@/lib/i18n/routing';
import { signUnsubscribeToken, type NotificationKind } from './token';

/** The absolute links a notification email carries, in the recipient's language. */
export function notificationLinks(
  portalUrl: string,
  secret: string,
  user: { id: string; locale: Locale },
  kind: NotificationKind,
  now: Date,
) {
  const base = portalUrl.replace(/\/$/, '');
  const token = signUnsubscribeToken({ userId: user.id, kind }, secret, now);
  const query = new URLSearchParams({ token }).toString();
  return {
    caseUrl: (caseId: string) => `${base}/${user.locale}/cases/${caseId}`,
    overviewUrl: `${base}/${user.locale}/${kind === 'tasks' ? 'insights' : 'cases'}`,
    settingsUrl: `${base}/${user.locale}/settings/notifications`,
    unsubscribeUrl: `${base}/${user.locale}/unsubscribe?${query}`,
    // RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click" to this address, without a session.
    headers: {
      'List-Unsubscribe': `<${base}/api/notifications/unsubscribe?${query}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

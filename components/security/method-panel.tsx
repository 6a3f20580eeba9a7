import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/security/action-form';
import { PasskeyRegister } from '@/components/security/passkey-register';
import { SmsSetupForms } from '@/components/security/sms-setup-forms';
import { TotpSetupForm } from '@/components/security/totp-setup-form';
import { totpUri } from '@/lib/auth/totp';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { removePasskeyAction } from '@/lib/auth/settings/actions';
import type { SecurityOverview } from '@/lib/auth/settings/queries';
import type { Method } from '@/lib/auth/settings/schemas';
import { pendingTotpSecret, qrDataUrl } from '@/lib/auth/settings/totp-setup';

type Props = { method: Method; overview: SecurityOverview; sessionId: string; email: string; locale: Locale };

/** What "Konfigurer" opens for one method (server-rendered, so the QR code needs no script). */
export async function MethodPanel({ method, overview, sessionId, email, locale }: Props) {
  const t = await getTranslations();
  if (method === 'totp') {
    const secret = pendingTotpSecret(sessionId, overview.totpConfirmedAt);
    const qrSrc = await qrDataUrl(totpUri(t('common.appName'), email, secret));
    return <TotpSetupForm secret={secret} qrSrc={qrSrc} replacing={overview.totp} />;
  }
  if (method === 'sms') return <SmsSetupForms defaultPhone={overview.smsPhone ?? ''} />;
  return (
    <div className="grid gap-4">
      <p className="text-sm text-slate-700">{t('security.passkeys.intro')}</p>
      {overview.passkeys.length > 0 ? (
        <ul aria-label={t('security.passkeys.list')} className="grid gap-3">
          {overview.passkeys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 p-3">
              <div className="text-sm">
                <p className="font-medium">{key.name}</p>
                <p className="text-slate-600">{t('security.passkeys.created', { date: formatDateTime(key.createdAt, locale) })}</p>
                <p className="text-slate-600">
                  {key.lastUsedAt
                    ? t('security.passkeys.lastUsed', { date: formatDateTime(key.lastUsedAt, locale) })
                    : t('security.passkeys.neverUsed')}
                </p>
              </div>
              <ActionForm
                action={removePasskeyAction}
                hidden={{ passkeyId: key.id }}
                submitLabel={t('security.passkeys.remove', { name: key.name })}
                variant="danger"
              />
            </li>
          ))}
        </ul>
      ) : null}
      <PasskeyRegister />
    </div>
  );
}

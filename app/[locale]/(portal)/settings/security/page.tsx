import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { ActionForm } from '@/components/security/action-form';
import { ChangePasswordForm } from '@/components/security/change-password-form';
import { MethodPanel } from '@/components/security/method-panel';
import { PreferredMethodForm } from '@/components/security/preferred-method-form';
import { ReauthForm } from '@/components/security/reauth-form';
import { RegenerateRecoveryCodes } from '@/components/security/recovery-codes';
import { SessionList } from '@/components/security/session-list';
import { db } from '@/db';
import { requireSignedIn } from '@/lib/auth/gate';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { removeMethodAction, signOutOtherSessionsAction } from '@/lib/auth/settings/actions';
import { isRecentlyAuthenticated } from '@/lib/auth/settings/mutations';
import { maskPhone } from '@/lib/auth/phone';
import { getSecurityOverview, listActiveSessions } from '@/lib/auth/settings/queries';
import { METHODS, type Method } from '@/lib/auth/settings/schemas';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('security') };
}

const PANELS = ['password', ...METHODS] as const;

export default async function SecurityPage({ params, searchParams }: PageProps<'/[locale]/settings/security'>) {
  const locale = await enterLocale(params);
  await connection();
  // Layouts are not re-run on client navigation: every page checks the session itself.
  const live = await requireSignedIn();
  const t = await getTranslations('security');
  const asked = (await searchParams).configure;
  const panel = PANELS.find((p) => p === asked) ?? null;
  const [overview, activeSessions] = await Promise.all([getSecurityOverview(db, live.userId), listActiveSessions(db, live.userId)]);
  const fresh = isRecentlyAuthenticated(live.reauthenticatedAt);
  const status = (method: Method) => (overview.configured.includes(method) ? t('methods.configured') : t('methods.notConfigured'));
  const detail = (method: Method) =>
    method === 'sms' && overview.smsPhone ? t('sms.current', { phone: maskPhone(overview.smsPhone) }) : null;

  return (
    <ClientMessages paths={['auth.errors', 'invoices.errors', 'reports.columns', 'reports.pdf', 'security', 'users.errors', 'users.roles']}>
      <section className="grid max-w-3xl gap-10">
        <div>
          <h2 className="text-xl font-semibold">{t('title')}</h2>
          <p className="text-sm text-slate-600">{t('intro')}</p>
        </div>

        <section aria-labelledby="password-heading" className="grid gap-3">
          <h3 id="password-heading" className="text-lg font-semibold">
            {t('password.title')}
          </h3>
          <p className="text-sm text-slate-600">{t('password.intro')}</p>
          {panel === 'password' ? (
            <ChangePasswordForm email={live.email} />
          ) : (
            <p>
              <Link
                href={{ pathname: '/settings/security', query: { configure: 'password' } }}
                className="font-medium text-brand-700 underline"
              >
                {t('password.title')}
              </Link>
            </p>
          )}
        </section>

        <section aria-labelledby="methods-heading" className="grid gap-4">
          <h3 id="methods-heading" className="text-lg font-semibold">
            {t('methods.title')}
          </h3>
          <p className="text-sm text-slate-600">{t('methods.intro')}</p>
          <ReauthForm fresh={fresh} />
          <ul className="grid gap-3">
            {METHODS.map((method) => (
              <li key={method} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <div>
                    <h4 id={`method-${method}`} className="font-semibold">
                      {t(`methods.${method}`)}
                    </h4>
                    <p className="text-sm text-slate-600">{t(`methods.${method}Description`)}</p>
                    <p className="text-sm">
                      <span className="font-medium">{status(method)}</span>
                      {detail(method) ? <span className="text-slate-600"> · {detail(method)}</span> : null}
                    </p>
                  </div>
                  {panel === method ? (
                    <Link href="/settings/security" className="text-sm font-medium text-brand-700 underline">
                      {t('methods.close')}
                    </Link>
                  ) : (
                    <Link
                      href={{ pathname: '/settings/security', query: { configure: method } }}
                      aria-describedby={`method-${method}`}
                      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100"
                    >
                      {t('methods.configure')}
                    </Link>
                  )}
                </div>
                {panel === method ? (
                  <div className="grid gap-4 border-t border-slate-200 pt-4">
                    <MethodPanel method={method} overview={overview} sessionId={live.sessionId} email={live.email} locale={locale} />
                    {overview.configured.includes(method) && method !== 'passkey' ? (
                      <ActionForm action={removeMethodAction} hidden={{ method }} submitLabel={t('methods.remove')} variant="danger" />
                    ) : null}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {overview.configured.length > 0 ? <PreferredMethodForm methods={overview.configured} preferred={overview.preferred} /> : null}
        </section>

        <section aria-labelledby="recovery-heading" className="grid gap-3">
          <h3 id="recovery-heading" className="text-lg font-semibold">
            {t('recovery.title')}
          </h3>
          <p className="text-sm text-slate-600">{t('recovery.intro')}</p>
          <p className="text-sm font-medium">{t('recovery.left', { count: overview.recoveryCodesLeft })}</p>
          {/* Made on request, never while rendering: a GET (or a prefetch) must not create codes nobody sees. */}
          <RegenerateRecoveryCodes email={live.email} first={!overview.recoveryCodesGenerated} />
        </section>

        <section aria-labelledby="sessions-heading" className="grid gap-3">
          <h3 id="sessions-heading" className="text-lg font-semibold">
            {t('sessions.title')}
          </h3>
          <p className="text-sm text-slate-600">{t('sessions.intro')}</p>
          <SessionList sessions={activeSessions} currentId={live.sessionId} locale={locale} />
          {/* Always rendered: after the click the list shrinks to one, and the confirmation stays visible. */}
          <ActionForm action={signOutOtherSessionsAction} submitLabel={t('sessions.signOutOthers')} />
        </section>
      </section>
    </ClientMessages>
  );
}

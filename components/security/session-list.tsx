import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';

type SessionRow = { id: string; createdAt: Date; ipAddress: string | null; userAgent: string | null };

/** A short device name from the user agent: enough to recognise one's own browser. */
function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Edg|Firefox|Chrome|Safari)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge');
  const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS');
  return [browser, system].filter(Boolean).join(' · ') || null;
}

export async function SessionList({ sessions, currentId, locale }: { sessions: SessionRow[]; currentId: string; locale: Locale }) {
  const t = await getTranslations('security.sessions');
  return (
    <ul className="grid gap-2">
      {sessions.map((session) => (
        <li key={session.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <p className="font-medium">
            {deviceOf(session.userAgent) ?? t('unknownDevice')}
            {session.id === currentId ? <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs">{t('current')}</span> : null}
          </p>
          <p className="text-slate-600">
            {t('started', { date: formatDateTime(session.createdAt, locale) })}
            {session.ipAddress ? ` · ${t('address', { address: session.ipAddress })}` : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

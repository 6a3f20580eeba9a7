import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { env } from '@/lib/env';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { NOTIFICATION_KINDS, verifyUnsubscribeToken } from '@/lib/notifications/token';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notifications'))('unsubscribe.title'), robots: { index: false } };
}

/**
 * The email's unsubscribe link, without signing in. Opening it changes nothing (mail scanners open links): one
 * button turns off the kind the token names. A tampered or expired token says so.
 */
export default async function UnsubscribePage({ params, searchParams }: PageProps<'/[locale]/unsubscribe'>) {
  const locale = await enterLocale(params);
  const query = await searchParams;
  const t = await getTranslations('notifications');
  const done = NOTIFICATION_KINDS.find((kind) => kind === query.done);
  const token = typeof query.token === 'string' ? query.token : '';
  const claim = done ? null : verifyUnsubscribeToken(token, env().AUTH_SECRET);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{t('unsubscribe.title')}</h1>
      {done ? (
        <p role="status" className="mb-6 text-slate-700">
          {t('unsubscribe.doneKind', { kind: t(`kinds.${done}`) })}
        </p>
      ) : claim ? (
        <form method="post" action="/api/notifications/unsubscribe" className="grid gap-4">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <p className="text-slate-700">{t('unsubscribe.confirm', { kind: t(`kinds.${claim.kind}`) })}</p>
          <Button type="submit">{t('unsubscribe.button')}</Button>
        </form>
      ) : (
        <p role="alert" className="mb-6 text-red-800">
          {t('unsubscribe.invalid')}
        </p>
      )}
      <p className="mt-6 text-sm text-slate-600">
        {t('unsubscribe.settingsHint')}{' '}
        <Link href="/settings/notifications" className="text-brand-700 underline">
          {t('unsubscribe.settingsLink')}
        </Link>
      </p>
    </>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireSignedIn } from '@/lib/auth/gate';
import { devMailboxEnabled, listMailboxFor } from '@/lib/email/mailbox';
import { formatDateTime } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('email.mailbox'))('title'), robots: { index: false } };
}

function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

/**
 * Stands in for the user's own inbox and phone in the demo, so an invitation can be accepted: only what is theirs
 * (lib/email/mailbox.ts), and nothing to a session still at the second-factor step.
 */
export default async function MailboxPage({ params }: PageProps<'/[locale]/dev/mailbox'>) {
  const locale = await enterLocale(params);
  await connection();
  if (!devMailboxEnabled()) notFound();
  const user = await requireSignedIn();
  const t = await getTranslations('email.mailbox');
  const emails = await listMailboxFor(user);
  return (
    <main className="mx-auto grid max-w-4xl gap-6 px-4 py-10">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('intro')}</p>
      </div>
      {emails.length === 0 ? <p className="text-slate-600">{t('empty')}</p> : null}
      {emails.map((email) => (
        <article key={email.id} aria-labelledby={`mail-${email.id}`} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id={`mail-${email.id}`} className="text-lg font-semibold">
            {email.channel === 'sms' ? `${t('sms')}: ${email.recipient}` : email.subject}
          </h2>
          <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t('channel')}</dt>
            <dd>{t(email.channel)}</dd>
            <dt className="text-slate-600">{t('to')}</dt>
            <dd>{email.recipient}</dd>
            <dt className="text-slate-600">{t('created')}</dt>
            <dd>{formatDateTime(email.createdAt, locale)}</dd>
            <dt className="text-slate-600">{t('status')}</dt>
            <dd>{t(email.status)}</dd>
            <dt className="text-slate-600">{t('links')}</dt>
            <dd className="grid gap-1">
              {linksIn(email.bodyText).map((href) => (
                <a key={href} href={href} className="break-all text-brand-700 underline">
                  {href}
                </a>
              ))}
            </dd>
            {email.attachments?.length ? (
              <>
                <dt className="text-slate-600">{t('attachments')}</dt>
                <dd className="grid gap-1">
                  {email.attachments.map((_, index) => (
                    <a
                      key={index}
                      href={`/api/dev/mailbox/${email.id}/attachments/${index}?locale=${locale}`}
                      className="text-brand-700 underline"
                    >
                      {t('download', { number: index + 1 })}
                    </a>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          <pre className="whitespace-pre-wrap rounded bg-slate-50 p-3 font-sans text-sm text-slate-800">{email.bodyText}</pre>
        </article>
      ))}
    </main>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { enterLocale } from '@/lib/i18n/page-locale';
import { PageHeader } from '@/components/layout/page-header';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('help'))('title') };
}

export default async function HelpPage({ params }: PageProps<'/[locale]/help'>) {
  await enterLocale(params);
  const t = await getTranslations('help');
  const { AGENCY_EMAIL, AGENCY_PHONE } = env();
  return (
    <>
      <PageHeader title={t('title')} />
      <section aria-labelledby="contact" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="contact" className="text-lg font-semibold">
          {t('contactTitle')}
        </h2>
        <p className="mt-2 text-slate-700">{t('contactBody')}</p>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">{t('email')}</dt>
          <dd>
            <a className="text-brand-700 underline" href={`mailto:${AGENCY_EMAIL}`}>
              {AGENCY_EMAIL}
            </a>
          </dd>
          <dt className="font-medium">{t('phone')}</dt>
          <dd>
            <a className="text-brand-700 underline" href={`tel:+47${AGENCY_PHONE.replace(/\s/g, '')}`}>
              {AGENCY_PHONE}
            </a>
          </dd>
        </dl>
      </section>
    </>
  );
}

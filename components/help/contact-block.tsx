import { getTranslations } from 'next-intl/server';
import { env } from '@/lib/env';
import { LINK_CLASS } from './rich-tags';

/** The agency's help desk, from configuration (AGENCY_EMAIL, AGENCY_PHONE). */
export async function ContactBlock() {
  const t = await getTranslations('help');
  const { AGENCY_EMAIL, AGENCY_PHONE } = env();
  // A Norwegian number unless configured with its country code.
  const dial = AGENCY_PHONE.replace(/[^\d+]/g, '');
  return (
    <section aria-labelledby="help-contact" className="mt-10 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="help-contact" className="text-lg font-semibold">
        {t('contactTitle')}
      </h2>
      <p className="mt-2 text-slate-700">{t('contactBody')}</p>
      <dl className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2">
        <dt className="font-medium">{t('email')}</dt>
        <dd>
          <a className={LINK_CLASS} href={`mailto:${AGENCY_EMAIL}`}>
            {AGENCY_EMAIL}
          </a>
        </dd>
        <dt className="font-medium">{t('phone')}</dt>
        <dd>
          <a className={LINK_CLASS} href={`tel:${dial.startsWith('+') ? dial : `+47${dial}`}`}>
            {AGENCY_PHONE}
          </a>
        </dd>
      </dl>
    </section>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { AutocollectForm } from '@/components/integrations/autocollect-form';
import { CreateKeyForm } from '@/components/integrations/create-key-form';
import { RevokeKeyForm } from '@/components/integrations/revoke-key-form';
import { WebhooksSection } from '@/components/integrations/webhooks-section';
import { TableScroll } from '@/components/ui/table-scroll';
import { CompanySelect } from '@/components/users/company-select';
import { administeredCompanies, getActiveCompanyId, requireRole, requireSignedIn } from '@/lib/auth/gate';
import { isRecentlyAuthenticated } from '@/lib/auth/settings/mutations';
import { ReauthForm } from '@/components/security/reauth-form';
import { getAutocollectEnabled, listApiKeys } from '@/lib/integrations/keys/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { Link } from '@/lib/i18n/navigation';
import { enterLocale } from '@/lib/i18n/page-locale';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('integrations'))('title') };
}

/** Innstillinger → Selskap → Integrasjoner: the company's API keys and the AutoCollect switch (Administrators). */
export default async function IntegrationsPage({ params, searchParams }: PageProps<'/[locale]/settings/company/integrations'>) {
  const locale = await enterLocale(params);
  const query = await searchParams;
  const administered = await administeredCompanies();
  const requested = typeof query.company === 'string' ? query.company : await getActiveCompanyId();
  const company = administered.find((c) => c.companyId === requested) ?? administered[0];
  // Not an Administrator anywhere: the page does not exist for them (the menu does not offer it either).
  if (!company) notFound();
  const actor = await requireRole(company.companyId, 'admin');
  // A new key or webhook secret needs the password from the last 10 minutes (as the security settings do).
  const fresh = isRecentlyAuthenticated((await requireSignedIn()).reauthenticatedAt);
  const t = await getTranslations('integrations');
  const [keys, autocollect] = await Promise.all([listApiKeys(actor.companyId), getAutocollectEnabled(actor.companyId)]);
  return (
    <ClientMessages
      paths={[
        'auth.errors',
        'integrations',
        'invoices.errors',
        'reports.columns',
        'reports.pdf',
        'security',
        'users.chooseCompany',
        'users.errors',
        'users.roles',
        'users.show',
      ]}
    >
      <section className="grid gap-8">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h2 className="text-xl font-semibold">{t('title')}</h2>
            <p className="max-w-2xl text-sm text-slate-600">
              {t('intro')}{' '}
              <Link href="/settings/company/integrations/api" className="text-brand-700 underline">
                {t('referenceLink')}
              </Link>
            </p>
          </div>
          {administered.length > 1 ? <CompanySelect companies={administered} selectedId={company.companyId} /> : null}
        </div>
        <ReauthForm intro={t('reauthIntro')} fresh={fresh} />
        <section aria-labelledby="autocollect-heading" className="grid gap-3">
          <h3 id="autocollect-heading" className="text-lg font-semibold break-words">
            {t('autocollectFor', { company: company.companyName })}
          </h3>
          <AutocollectForm companyId={company.companyId} enabled={autocollect} />
        </section>
        <section aria-labelledby="keys-heading" className="grid gap-3">
          <h3 id="keys-heading" className="text-lg font-semibold">
            {t('keysTitle')}
          </h3>
          <CreateKeyForm companyId={company.companyId} />
          {keys.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noKeys')}</p>
          ) : (
            <TableScroll label={t('keysTitle')}>
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-300 text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t('columns.name')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('columns.prefix')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('columns.created')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('columns.lastUsed')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t('columns.status')}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      <span className="sr-only">{t('columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((key) => (
                    <tr key={key.id} className="border-b border-slate-200 align-top">
                      <td className="px-3 py-2 font-medium break-words">{key.name}</td>
                      <td className="px-3 py-2 font-mono whitespace-nowrap">ac_{key.prefix}_…</td>
                      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(key.createdAt, locale)}</td>
                      <td className="px-3 py-2">
                        {key.lastUsedAt
                          ? `${formatDateTime(key.lastUsedAt, locale)}${key.lastUsedAddress ? ` (${key.lastUsedAddress})` : ''}`
                          : t('neverUsed')}
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        {key.revokedAt ? t('revokedAt', { date: formatDateTime(key.revokedAt, locale) }) : t('active')}
                      </td>
                      <td className="px-3 py-2">
                        {key.revokedAt ? null : <RevokeKeyForm companyId={company.companyId} apiKeyId={key.id} name={key.name} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
        <WebhooksSection companyId={company.companyId} locale={locale} />
      </section>
    </ClientMessages>
  );
}

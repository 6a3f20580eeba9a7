import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SettlementEmailForm } from '@/components/company-settings/settlement-email-form';
import { EmptyState } from '@/components/layout/empty-state';
import { CompanySelect } from '@/components/users/company-select';
import { getActiveCompanyId, listMyMemberships, requireRole, requireSignedIn } from '@/lib/auth/gate';
import { getSettlementEmail } from '@/lib/settlements/email/queries';
import { enterLocale } from '@/lib/i18n/page-locale';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('companySettings.settlement'))('title') };
}

/**
 * Innstillinger → Selskap → Oppgjørsrapporter: where the company's remittance slips are mailed. Administrators
 * edit it; Lese and Skrive see the address read-only (it is no secret inside the company).
 */
export default async function SettlementReportsPage(props: PageProps<'/[locale]/settings/company/settlement'>) {
  return (
    <ClientMessages paths={['companySettings', 'users.chooseCompany', 'users.errors', 'users.show']}>
      {await settlementReportsPageContent(props)}
    </ClientMessages>
  );
}

async function settlementReportsPageContent({ params, searchParams }: PageProps<'/[locale]/settings/company/settlement'>) {
  await enterLocale(params);
  const user = await requireSignedIn();
  const query = await searchParams;
  const t = await getTranslations('companySettings.settlement');
  const mine = await listMyMemberships(user.userId);
  const requested = typeof query.company === 'string' ? query.company : await getActiveCompanyId();
  const company = mine.find((m) => m.companyId === requested) ?? mine[0];
  if (!company) {
    return (
      <section>
        <h2 className="mb-4 text-xl font-semibold">{t('title')}</h2>
        <EmptyState text={t('noCompanies')} />
      </section>
    );
  }
  const actor = await requireRole(company.companyId, 'read');
  const settings = await getSettlementEmail(company.companyId);
  const email = settings?.settlementEmail ?? '';
  const locale = settings?.settlementEmailLocale ?? 'nb';
  return (
    <section className="grid gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-xl font-semibold">{t('title')}</h2>
          <p className="max-w-xl text-sm text-slate-600">{t('intro')}</p>
        </div>
        {mine.length > 1 ? <CompanySelect companies={mine} selectedId={company.companyId} /> : null}
      </div>
      <h3 className="min-w-0 text-lg font-semibold break-words">{company.companyName}</h3>
      {actor.role === 'admin' ? (
        <SettlementEmailForm key={company.companyId} companyId={company.companyId} settlementEmail={email} settlementEmailLocale={locale} />
      ) : (
        <div className="grid gap-2">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">{t('current')}</dt>
            <dd className="break-all">{email || t('none')}</dd>
            <dt className="text-slate-600">{t('locale')}</dt>
            <dd>{t(`locales.${locale}`)}</dd>
          </dl>
          <p className="text-sm text-slate-600">{t('readOnly')}</p>
        </div>
      )}
    </section>
  );
}

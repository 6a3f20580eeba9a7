import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { RunSettlementForm } from '@/components/desk/run-settlement-form';
import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/gate';
import { todayInOslo } from '@/lib/dates';
import { listSettlementCompanies } from '@/lib/debtor-payments/queries';
import { formatDate } from '@/lib/i18n/format';
import { enterLocale } from '@/lib/i18n/page-locale';
import { formatOre } from '@/lib/money';
import { TableScroll } from '@/components/ui/table-scroll';
import { ClientMessages } from '@/components/layout/client-messages';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('desk.settlements'))('title'), robots: { index: false } };
}

const CELL = 'px-3 py-2 text-left align-top';

/** The settlement run per company, on demand (the weekly schedule runs the same code). */
export default async function DeskSettlementsPage({ params }: PageProps<'/[locale]/desk/settlements'>) {
  const locale = await enterLocale(params);
  await requireStaff();
  const t = await getTranslations('desk.settlements');
  const companies = await listSettlementCompanies();
  const today = todayInOslo();
  return (
    <ClientMessages
      paths={[
        'cases.errors',
        'debtorPayments',
        'desk.settlements',
        'invoices.errors',
        'payments.errors',
        'reports.columns',
        'reports.pdf',
        'users.errors',
        'users.roles',
      ]}
    >
      <>
        <PageHeader title={t('title')} />
        <p className="mb-6 max-w-3xl text-slate-700">{t('intro')}</p>
        <TableScroll label={t('title')} className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th className={CELL}>{t('company')}</th>
                <th className={CELL}>{t('latest')}</th>
                <th className={CELL}>{t('runHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id} className="border-t border-slate-100">
                  <th scope="row" className={`${CELL} font-medium`}>
                    {company.name}
                  </th>
                  <td className={CELL}>
                    {company.slips.length === 0 ? (
                      t('none')
                    ) : (
                      <ul>
                        {company.slips.map((slip) => (
                          <li key={slip.id}>
                            {slip.slipNumber} · {formatDate(slip.settledOn, locale)} · {formatOre(slip.netOre, locale)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className={CELL}>
                    <RunSettlementForm companyId={company.id} companyName={company.name} today={today} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </>
    </ClientMessages>
  );
}

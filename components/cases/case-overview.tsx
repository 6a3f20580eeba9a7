import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { CaseDetail } from '@/lib/cases/queries';
import { TableScroll } from '@/components/ui/table-scroll';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="wrap-anywhere text-slate-900">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Oversikt: the debtor, the invoices and the amounts from the ledger. Payment information sits beside it. */
export async function CaseOverview({ detail, locale }: { detail: CaseDetail; locale: Locale }) {
  const t = await getTranslations('cases');
  const money = (ore: number) => formatOre(ore, locale, detail.currency);
  const { debtor, totals, claim } = detail;
  const notGiven = <span className="text-slate-500">{t('detail.notGiven')}</span>;
  const address = [debtor.addressLine, [debtor.postcode, debtor.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <div className="grid grid-cols-1 gap-6">
      <Section id="debtor-heading" title={t('detail.debtor')}>
        <Facts
          rows={[
            { label: t('detail.name'), value: debtor.name },
            { label: t('detail.customerNumber'), value: debtor.customerNumber },
            { label: t('detail.address'), value: address || notGiven },
            { label: t('detail.email'), value: debtor.email ?? notGiven },
            { label: t('detail.phone'), value: debtor.phone ?? notGiven },
          ]}
        />
      </Section>

      <Section id="invoices-heading" title={t('detail.invoices')}>
        {detail.invoices.length === 0 ? (
          <p className="text-sm text-slate-600">{t('detail.noInvoices')}</p>
        ) : (
          <TableScroll label={t('detail.invoices')} stickyFirstColumn>
            <table className="w-full text-left text-sm">
              <thead className="text-slate-600">
                <tr className="bg-white">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('detail.invoiceNumber')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('detail.issuedOn')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('detail.invoiceDueOn')}
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    {t('detail.description')}
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    {t('detail.invoiceAmount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {detail.invoices.map((invoice) => (
                  <tr key={invoice.id} className="border-t border-slate-100">
                    <td className="py-2 pr-4 font-medium">{invoice.invoiceNumber}</td>
                    <td className="py-2 pr-4">{formatDate(invoice.issuedOn, locale)}</td>
                    <td className="py-2 pr-4">{formatDate(invoice.dueOn, locale)}</td>
                    <td className="py-2 pr-4">{invoice.description ?? ''}</td>
                    <td className="py-2 text-right tabular-nums">{formatOre(invoice.amountOre, locale, invoice.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>

      <Section id="amounts-heading" title={t('detail.amounts')}>
        <dl className="grid max-w-md grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
          {[
            { label: t('detail.principal'), ore: totals.principalOre },
            { label: t('detail.interest'), ore: totals.interestOre },
            { label: t('detail.fees'), ore: totals.feesOre },
            { label: t('detail.paid'), ore: totals.paidOre },
            { label: t('detail.credited'), ore: totals.creditedOre },
          ].map((row) => (
            <div key={row.label} className="contents">
              <dt className="text-slate-600">{row.label}</dt>
              <dd className="text-right tabular-nums">{money(row.ore)}</dd>
            </div>
          ))}
          {claim.accruedInterestOre !== 0 ? (
            // Computed for today, not booked: the engine books it with the next letter or payment.
            <div className="contents">
              <dt className="text-slate-600">{t('detail.accruedInterest')}</dt>
              <dd className="text-right tabular-nums">{money(claim.accruedInterestOre)}</dd>
            </div>
          ) : null}
          <div className="contents font-semibold">
            <dt className="border-t border-slate-200 pt-2">{t('detail.outstandingToday')}</dt>
            <dd className="border-t border-slate-200 pt-2 text-right tabular-nums">{money(claim.totalOre)}</dd>
          </div>
          {claim.totalOre < 0 ? (
            // An overpayment stays on the case as a credit until the agency refunds or moves it.
            <div className="contents text-emerald-800">
              <dt>{t('detail.creditOnCase')}</dt>
              <dd className="text-right tabular-nums">{money(-claim.totalOre)}</dd>
            </div>
          ) : null}
          {claim.rateMissingFrom ? (
            <p className="col-span-2 text-xs text-amber-800">
              {t('detail.rateMissing', { date: formatDate(claim.rateMissingFrom, locale) })}
            </p>
          ) : null}
        </dl>
      </Section>
    </div>
  );
}

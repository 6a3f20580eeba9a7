import { useTranslations } from 'next-intl';
import { formatAccountNumber, formatOrganisationNumber } from '@/lib/norwegian-ids';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';
import { linesNetOre } from '@/lib/settlements/lines';
import type { SlipWithLines } from '@/lib/settlements/slips/queries';

const CELL = 'px-3 py-2 text-left';
const NUM = 'px-3 py-2 text-right tabular-nums whitespace-nowrap';

/** A row under the totals: a balance carried from or to another slip, or what was paid out. */
function CarryRow({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row" colSpan={8} className={CELL}>
        {label}
      </th>
      <td className={NUM}>{value}</td>
    </tr>
  );
}

/** The slip's facts and lines, the same as the PDF: collected per case, then direct payments for information. */
export function SlipDetail({ slip, locale, backHref }: { slip: SlipWithLines; locale: Locale; backHref: string }) {
  const t = useTranslations('reports');
  const money = (ore: number) => formatOre(ore, locale);
  const paid = slip.lines.filter((l) => !l.isDirectPayment);
  const direct = slip.lines.filter((l) => l.isDirectPayment);
  return (
    <div className="grid gap-6">
      <dl className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t('pdf.creditor')}</dt>
          <dd>
            {slip.companyName}, {t('pdf.organisationNumber')} {formatOrganisationNumber(slip.companyOrganisationNumber)}
          </dd>
        </div>
        <div>
          <dt className="font-medium">{t('pdf.payoutAccount')}</dt>
          <dd>{formatAccountNumber(slip.payoutAccountNumber)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t('pdf.settledOn')}</dt>
          <dd>{formatDate(slip.settledOn, locale)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t('pdf.bankReference')}</dt>
          <dd>{slip.bankReference}</dd>
        </div>
      </dl>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t('pdf.collected')}</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50">
              <tr>
                <th className={CELL}>{t('columns.caseNumber')}</th>
                <th className={CELL}>{t('columns.invoiceNumber')}</th>
                <th className={CELL}>{t('columns.customerNumber')}</th>
                <th className={CELL}>{t('columns.debtor')}</th>
                <th className={NUM}>{t('columns.principal')}</th>
                <th className={NUM}>{t('columns.interest')}</th>
                <th className={NUM}>{t('columns.fee')}</th>
                <th className={NUM}>{t('columns.vat')}</th>
                <th className={NUM}>{t('columns.net')}</th>
              </tr>
            </thead>
            <tbody>
              {paid.map((line) => (
                <tr key={line.id} className="border-t border-slate-100">
                  <td className={CELL}>{line.caseNumber}</td>
                  <td className={CELL}>{line.invoiceNumber}</td>
                  <td className={CELL}>{line.customerNumber}</td>
                  <td className={CELL}>{line.debtorName}</td>
                  <td className={NUM}>{money(line.principalOre)}</td>
                  <td className={NUM}>{money(line.interestOre)}</td>
                  <td className={NUM}>{money(line.agencyFeeOre)}</td>
                  <td className={NUM}>{money(line.vatOre)}</td>
                  <td className={NUM}>{money(line.netOre)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-300 font-semibold">
              <tr>
                <th scope="row" colSpan={4} className={CELL}>
                  {t('pdf.totals')}
                </th>
                <td className={NUM}>{money(slip.principalOre)}</td>
                <td className={NUM}>{money(slip.interestOre)}</td>
                <td className={NUM}>{money(slip.agencyFeeOre)}</td>
                <td className={NUM}>{money(slip.vatOre)}</td>
                <td className={NUM}>{money(linesNetOre(slip))}</td>
              </tr>
              {slip.carriedInOre !== 0 || slip.carriedOutOre !== 0 ? (
                <>
                  {slip.carriedInOre !== 0 ? <CarryRow label={t('pdf.carriedIn')} value={money(slip.carriedInOre)} /> : null}
                  {slip.carriedOutOre !== 0 ? <CarryRow label={t('pdf.carriedOut')} value={money(-slip.carriedOutOre)} /> : null}
                  <CarryRow label={t('pdf.paidOut')} value={money(slip.netOre)} />
                </>
              ) : null}
            </tfoot>
          </table>
        </div>
      </section>
      {direct.length > 0 ? (
        <section>
          <h2 className="mb-1 text-lg font-semibold">{t('pdf.directPayments')}</h2>
          <p className="mb-2 text-sm text-slate-700">{t('pdf.directNote')}</p>
          <ul className="grid gap-1 text-sm">
            {direct.map((line) => (
              <li key={line.id}>
                {line.caseNumber} · {line.debtorName} · {money(line.principalOre)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <a href={backHref} className="text-sm text-brand-700 underline">
        {t('backToReports')}
      </a>
    </div>
  );
}

import type { ClaimToday } from '@/lib/cases/claim-today';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOre } from '@/lib/money';

export type DeskCaseSummaryText = {
  company: string;
  status: string;
  outstandingToday: string;
  accruedInterest: string;
  rateMissing: string | null;
  registered: string;
};

/**
 * The head of a desk case: Utestående is today's claim (claimToday), the same figure as on the creditor's page and in
 * Betalingsinformasjon, not the booked balance; interest accrued since the last booking is said to be computed.
 */
export function DeskCaseSummary(props: {
  companyName: string;
  statusLabel: string;
  currency: string;
  registeredAt: Date;
  claim: ClaimToday;
  text: DeskCaseSummaryText;
  locale: Locale;
}) {
  const { claim, text, locale } = props;
  return (
    <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
      <div>
        <dt className="text-slate-600">{text.company}</dt>
        <dd className="font-medium">{props.companyName}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{text.status}</dt>
        <dd className="font-medium">{props.statusLabel}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{text.outstandingToday}</dt>
        <dd className="font-medium tabular-nums">{formatOre(claim.totalOre, locale, props.currency)}</dd>
        {claim.accruedInterestOre !== 0 ? (
          <dd className="text-xs text-slate-600">
            {text.accruedInterest}: <span className="tabular-nums">{formatOre(claim.accruedInterestOre, locale, props.currency)}</span>
          </dd>
        ) : null}
        {text.rateMissing ? <dd className="text-xs text-amber-800">{text.rateMissing}</dd> : null}
      </div>
      <div>
        <dt className="text-slate-600">{text.registered}</dt>
        <dd className="font-medium">{formatDate(props.registeredAt, locale)}</dd>
      </div>
    </dl>
  );
}

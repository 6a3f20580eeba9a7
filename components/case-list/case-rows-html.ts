import type { CaseListRow } from '@/lib/case-list/queries';
import type { CaseStatus } from '@/lib/case-list/schemas';
import { html, type Html } from '@/lib/html';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOreNumber } from '@/lib/money';
import { statusBadgeClass } from '@/components/cases/status-badge';

// The case list's 50 rows as one markup string: one table that is a table from md and a stack of cards below it
// (ROWS_CLASS). As React elements the rows were most of the list's server CPU, and as cards and a table side by
// side they travelled twice (README "Performance"). Links are plain <a>s that SoftLinks (soft-links.tsx) turns into
// client-side navigation.

/** The texts the rows need, translated once per page. */
export type RowTexts = {
  status: (status: CaseStatus) => string;
  stage: (stage: CaseListRow['stage']) => string;
  outstanding: string;
  invoiceNumbers: string;
  registered: string;
  stageLabel: string;
  company: string;
};

export type RowOptions = { locale: Locale; showCompany: boolean; caseHref: (id: string) => string; texts: RowTexts };

/**
 * The <tbody>'s classes. From md: cell padding and alignment. Below md each row is a card, what a person on the
 * move looks for first on top (case number and status, the debtor, the outstanding amount; the cells' max-md:order)
 * and the rest under it, each cell labelled by its column's name (data-label, shown before it on a subgrid line).
 */
export const ROWS_CLASS = [
  'divide-y divide-slate-100',
  'md:[&>tr>*]:px-3 md:[&>tr>*]:py-2 md:[&>tr>*]:align-top',
  'max-md:block max-md:[&>tr]:grid max-md:[&>tr]:grid-cols-[auto_minmax(0,1fr)] max-md:[&>tr]:gap-x-4 max-md:[&>tr]:gap-y-0.5 max-md:[&>tr]:px-4 max-md:[&>tr]:py-3',
  'max-md:[&_a]:underline max-md:[&_td]:break-words',
  'max-md:[&_td[data-label]]:col-span-2 max-md:[&_td[data-label]]:grid max-md:[&_td[data-label]]:grid-cols-subgrid',
  'max-md:[&_td[data-label]]:before:text-slate-600 max-md:[&_td[data-label]]:before:content-[attr(data-label)]',
].join(' ');

const AMOUNT = 'whitespace-nowrap text-right tabular-nums max-md:text-left';

/** One <tr> per case, its cells in the order of the table's columns (case-table.tsx). */
export function caseRowsHtml(rows: readonly CaseListRow[], { locale, showCompany, caseHref, texts }: RowOptions): Html {
  return html`${rows.map((row) => {
    const cells = [
      html`<th scope="row" class="text-left font-medium max-md:-order-4">
        <a href="${caseHref(row.id)}" class="text-brand-700 underline-offset-2 hover:underline">${row.caseNumber}</a>
      </th>`,
      showCompany ? html`<td data-label="${texts.company}" class="max-md:order-1">${row.companyName}</td>` : null,
      html`<td data-label="${texts.invoiceNumbers}">${row.invoiceNumbers}</td>`,
      html`<td class="max-md:-order-2 max-md:col-span-2 max-md:font-medium max-md:text-slate-900">${row.debtorName}</td>`,
      html`<td data-label="${texts.registered}" class="whitespace-nowrap">${formatDate(row.registeredOn, locale)}</td>`,
      html`<td class="max-md:-order-3 max-md:justify-self-end">
        <span class="${statusBadgeClass(row.status)}">${texts.status(row.status)}</span>
      </td>`,
      html`<td data-label="${texts.stageLabel}">${texts.stage(row.stage)}</td>`,
      html`<td class="${AMOUNT} max-md:hidden">${formatOreNumber(row.originalAmountOre, locale)}</td>`,
      // Below md the currency column is hidden and the amount carries it (bold, its label not).
      html`<td data-label="${texts.outstanding}" class="${AMOUNT} max-md:-order-1">
        <span class="max-md:font-semibold">${formatOreNumber(row.balanceOre, locale)}<span class="md:hidden"> ${row.currency}</span></span>
      </td>`,
      html`<td class="max-md:hidden">${row.currency}</td>`,
    ];
    return html`<tr class="hover:bg-slate-50">${cells}</tr>`;
  })}`;
}

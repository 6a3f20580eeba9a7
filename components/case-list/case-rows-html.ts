import type { CaseListRow } from '@/lib/case-list/queries';
import type { CaseStatus } from '@/lib/case-list/schemas';
import { html, type Html } from '@/lib/html';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/routing';
import { formatOreNumber } from '@/lib/money';
import { statusBadgeClass } from '@/components/cases/status-badge';

// The case list's 50 rows, twice (cards below md, the table from md), as markup strings: rendered as React
// elements they were most of the list's server CPU (README "Performance"). Same markup as before; links are plain
// <a>s that SoftLinks (soft-links.tsx) turns into client-side navigation.

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

function statusBadge(status: CaseStatus, texts: RowTexts): Html {
  return html`<span class="${statusBadgeClass(status)}">${texts.status(status)}</span>`;
}

/** <tr>s for the table's <tbody>; its cells take padding and alignment from TABLE_BODY_CLASS. */
export function caseTableRowsHtml(rows: readonly CaseListRow[], { locale, showCompany, caseHref, texts }: RowOptions): string {
  return rows
    .map(
      (row) => html`<tr class="hover:bg-slate-50"><th scope="row" class="text-left font-medium"><a href="${caseHref(row.id)}" class="text-brand-700 underline-offset-2 hover:underline">${row.caseNumber}</a></th>${
        showCompany ? html`<td>${row.companyName}</td>` : null
      }<td>${row.invoiceNumbers}</td><td>${row.debtorName}</td><td class="whitespace-nowrap">${formatDate(row.registeredOn, locale)}</td><td>${statusBadge(row.status, texts)}</td><td>${texts.stage(row.stage)}</td><td class="whitespace-nowrap text-right tabular-nums">${formatOreNumber(row.originalAmountOre, locale)}</td><td class="whitespace-nowrap text-right tabular-nums">${formatOreNumber(row.balanceOre, locale)}</td><td>${row.currency}</td></tr>`.html,
    )
    .join('');
}

export const TABLE_BODY_CLASS = 'divide-y divide-slate-100 [&>tr>*]:px-3 [&>tr>*]:py-2 [&>tr>*]:align-top';

/** <li>s for the cards' <ul>: what a person on the move looks for first, then the rest. */
export function caseCardsHtml(rows: readonly CaseListRow[], { locale, showCompany, caseHref, texts }: RowOptions): string {
  return rows
    .map(
      (row) => html`<li class="grid gap-1 px-4 py-3 text-sm"><div class="flex items-center justify-between gap-3"><a href="${caseHref(row.id)}" class="inline-block py-0.5 text-base font-semibold text-brand-700 underline underline-offset-2">${row.caseNumber}</a>${statusBadge(row.status, texts)}</div><p class="font-medium break-words text-slate-900">${row.debtorName}</p><dl class="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-0.5 [&>dt]:text-slate-600"><dt>${texts.outstanding}</dt><dd class="font-semibold tabular-nums">${formatOreNumber(row.balanceOre, locale)} ${row.currency}</dd><dt>${texts.invoiceNumbers}</dt><dd class="break-words">${row.invoiceNumbers}</dd><dt>${texts.registered}</dt><dd>${formatDate(row.registeredOn, locale)}</dd><dt>${texts.stageLabel}</dt><dd>${texts.stage(row.stage)}</dd>${
        showCompany ? html`<dt>${texts.company}</dt><dd class="break-words">${row.companyName}</dd>` : null
      }</dl></li>`.html,
    )
    .join('');
}

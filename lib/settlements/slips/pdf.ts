import { formatAccountNumber, formatOrganisationNumber } from '@/lib/norwegian-ids';
import { formatDate } from '@/lib/i18n/format';
import { formatOreNumber, type MoneyLocale } from '@/lib/money';
import { createPdfDocument } from '@/lib/pdf/document';
import { linesNetOre } from '@/lib/settlements/lines';
import type { SlipWithLines } from './slip-data';

/** Every word the PDF prints, from messages/<locale>.json (the route fills it), so the lib holds no prose. */
export type SlipPdfText = {
  title: string;
  agency: string;
  creditor: string;
  organisationNumber: string;
  payoutAccount: string;
  settledOn: string;
  slipNumber: string;
  bankReference: string;
  collected: string;
  directPayments: string;
  directNote: string;
  totals: string;
  carriedIn: string;
  carriedOut: string;
  paidOut: string;
  columns: {
    caseNumber: string;
    invoiceNumber: string;
    customerNumber: string;
    debtor: string;
    principal: string;
    interest: string;
    fee: string;
    vat: string;
    net: string;
  };
  page: (page: number, pages: number) => string;
};

export type SlipPdfInput = {
  slip: SlipWithLines;
  agency: { name: string; organisationNumber: string };
  locale: MoneyLocale;
  text: SlipPdfText;
};

const MARGIN = 40;
// A4 landscape; the widths add up to the printable width (842 − 2 × 40).
const WIDTHS = [58, 80, 70, 164, 80, 70, 70, 70, 100] as const;

/** A remittance slip an accountant can file: both parties with org. numbers, payout account, lines, totals, pages. */
export function renderSlipPdf({ slip, agency, locale, text }: SlipPdfInput): Promise<Buffer> {
  const { doc, done } = createPdfDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${text.title} ${slip.slipNumber}` },
  });
  const money = (ore: number) => formatOreNumber(ore, locale);
  const left = MARGIN;

  doc.font('bold').fontSize(16).text(`${text.title} ${slip.slipNumber}`, left, MARGIN);
  doc.moveDown(0.5).font('body').fontSize(9);
  const facts: [string, string][] = [
    [text.agency, `${agency.name}, ${text.organisationNumber} ${formatOrganisationNumber(agency.organisationNumber)}`],
    [text.creditor, `${slip.companyName}, ${text.organisationNumber} ${formatOrganisationNumber(slip.companyOrganisationNumber)}`],
    [text.payoutAccount, formatAccountNumber(slip.payoutAccountNumber)],
    [text.settledOn, formatDate(slip.settledOn, locale)],
    [text.bankReference, slip.bankReference],
  ];
  for (const [label, value] of facts) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);

  const headers = [
    text.columns.caseNumber,
    text.columns.invoiceNumber,
    text.columns.customerNumber,
    text.columns.debtor,
    text.columns.principal,
    text.columns.interest,
    text.columns.fee,
    text.columns.vat,
    text.columns.net,
  ];
  const rowHeight = 14;
  let y = doc.y + 12;
  const bottom = doc.page.height - MARGIN - 20;

  function row(cells: string[], font: 'body' | 'bold') {
    if (y + rowHeight > bottom) {
      doc.addPage();
      y = MARGIN;
      row(headers, 'bold');
    }
    let x = left;
    doc.font(font).fontSize(8);
    cells.forEach((cell, index) => {
      const width = WIDTHS[index] ?? 60;
      doc.text(cell, x + 2, y, { width: width - 4, align: index >= 4 ? 'right' : 'left', lineBreak: false, ellipsis: true });
      x += width;
    });
    y += rowHeight;
  }
  /** A label across the first columns and an amount in the last (the rows under the totals). */
  function labelRow(label: string, value: string, font: 'body' | 'bold') {
    if (y + rowHeight > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    const labelWidth = WIDTHS.slice(0, -1).reduce((sum, width) => sum + width, 0);
    doc
      .font(font)
      .fontSize(8)
      .text(label, left + 2, y, { width: labelWidth - 4, lineBreak: false, ellipsis: true });
    doc.text(value, left + labelWidth + 2, y, { width: (WIDTHS.at(-1) ?? 60) - 4, align: 'right', lineBreak: false });
    y += rowHeight;
  }
  function heading(label: string) {
    if (y + rowHeight * 3 > bottom) {
      doc.addPage();
      y = MARGIN;
    }
    doc
      .font('bold')
      .fontSize(10)
      .text(label, left, y + 6);
    y += 22;
  }

  const paid = slip.lines.filter((line) => !line.isDirectPayment);
  const direct = slip.lines.filter((line) => line.isDirectPayment);
  heading(text.collected);
  row(headers, 'bold');
  for (const line of paid) {
    row(
      [
        String(line.caseNumber),
        line.invoiceNumber,
        line.customerNumber,
        line.debtorName,
        money(line.principalOre),
        money(line.interestOre),
        money(line.agencyFeeOre),
        money(line.vatOre),
        money(line.netOre),
      ],
      'body',
    );
  }
  row(
    [
      text.totals,
      '',
      '',
      '',
      money(slip.principalOre),
      money(slip.interestOre),
      money(slip.agencyFeeOre),
      money(slip.vatOre),
      money(linesNetOre(slip)),
    ],
    'bold',
  );
  // A negative balance is never paid out: it is set against the next slip (lib/settlements/lines.ts).
  if (slip.carriedInOre !== 0 || slip.carriedOutOre !== 0) {
    if (slip.carriedInOre !== 0) labelRow(text.carriedIn, money(slip.carriedInOre), 'body');
    if (slip.carriedOutOre !== 0) labelRow(text.carriedOut, money(-slip.carriedOutOre), 'body');
    labelRow(text.paidOut, money(slip.netOre), 'bold');
  }

  if (direct.length > 0) {
    heading(text.directPayments);
    doc.font('body').fontSize(8).text(text.directNote, left, y);
    y += 14;
    for (const line of direct)
      row(
        [String(line.caseNumber), line.invoiceNumber, line.customerNumber, line.debtorName, money(line.principalOre), '', '', '', ''],
        'body',
      );
    row([text.totals, '', '', '', money(slip.directPaymentsOre), '', '', '', ''], 'bold');
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    doc
      .font('body')
      .fontSize(8)
      .text(text.page(index + 1, range.count), left, doc.page.height - MARGIN, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

import { createPdfDocument } from '@/lib/pdf/document';

/** The letter as lines the route filled in the reader's locale, so this file holds no prose. */
export type LetterPdfText = {
  title: string;
  sentOn: string;
  facts: [string, string][];
  amounts: [string, string][];
  paragraphs: string[];
  paymentHeading: string;
  payment: [string, string][];
};

const MARGIN = 56;

/** One A4 page (or more for a long claim list): header, claim, amounts, the law's texts, the payment slip. */
export function renderLetterPdf(text: LetterPdfText): Promise<Buffer> {
  const { doc, done } = createPdfDocument({ size: 'A4', margin: MARGIN, info: { Title: text.title } });
  doc.font('bold').fontSize(15).text(text.title);
  doc.font('body').fontSize(9).fillColor('#475569').text(text.sentOn).fillColor('black').moveDown();
  doc.fontSize(10);
  for (const [label, value] of text.facts) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  doc.moveDown();
  const width = doc.page.width - MARGIN * 2;
  for (const [label, value] of text.amounts) {
    const y = doc.y;
    doc.font('body').text(label, MARGIN, y, { width: width / 2 });
    doc.text(value, MARGIN + width / 2, y, { width: width / 2, align: 'right' });
  }
  doc.moveDown();
  for (const paragraph of text.paragraphs) doc.font('body').text(paragraph, MARGIN, doc.y, { width }).moveDown(0.5);
  doc.moveDown();
  doc.font('bold').fontSize(11).text(text.paymentHeading, MARGIN, doc.y);
  doc.fontSize(10);
  for (const [label, value] of text.payment) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  doc.end();
  return done;
}

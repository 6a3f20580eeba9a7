import { createPdfDocument } from '@/lib/pdf/document';
import type { StatementWords } from './words';

const MARGIN = 56;

/** The § 15 statement as an A4 PDF: the facts, then each section's rows with the amounts right-aligned. */
export function renderStatementPdf(words: StatementWords): Promise<Buffer> {
  const { doc, done } = createPdfDocument({ size: 'A4', margin: MARGIN, info: { Title: words.title } });
  const width = doc.page.width - MARGIN * 2;
  doc.font('bold').fontSize(15).text(words.title);
  doc.font('body').fontSize(10).moveDown(0.5).text(words.intro, { width }).moveDown();
  for (const [label, value] of words.facts) doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(value);
  for (const section of words.sections) {
    doc.moveDown().font('bold').fontSize(11).text(section.heading, MARGIN, doc.y, { width }).fontSize(10);
    for (const row of section.rows) {
      const y = doc.y;
      doc.font(row.total ? 'bold' : 'body').text(row.label, MARGIN, y, { width: width * 0.7 });
      const below = doc.y;
      doc.text(row.value, MARGIN + width * 0.7, y, { width: width * 0.3, align: 'right' });
      doc.y = Math.max(below, doc.y);
    }
  }
  doc.end();
  return done;
}

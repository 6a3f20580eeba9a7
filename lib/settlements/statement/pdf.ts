import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { StatementWords } from './words';

// DejaVu Sans from npm, as the letters and slips: it covers æøå and needs no download.
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const MARGIN = 56;

/** The § 15 statement as an A4 PDF: the facts, then each section's rows with the amounts right-aligned. */
export function renderStatementPdf(words: StatementWords): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: words.title } });
  doc.registerFont('body', path.join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
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

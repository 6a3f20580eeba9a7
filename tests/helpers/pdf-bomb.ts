import { createDeflate } from 'node:zlib';

/**
 * A small PDF (about 1 KB per inflated MB) whose one object stream holds the page object with a string of
 * `inflatedMb` MB: a full PDF parser (pdf-lib) inflates and reads it on load in one synchronous step. Its catalogue
 * and page tree are plain text.
 */
export async function pdfBomb(inflatedMb = 128): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1024 * 1024, 'a');
  deflate.write('3 0\n<< /Type /Page /Parent 2 0 R /Junk (');
  for (let i = 0; i < inflatedMb; i += 1) deflate.write(megabyte);
  deflate.end(') >>\n');
  await done;
  const stream = Buffer.concat(chunks);
  const head = Buffer.from(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
      `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`,
    'latin1',
  );
  const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\nstartxref\n0\n%%EOF\n', 'latin1');
  return new Uint8Array(Buffer.concat([head, stream, tail]));
}

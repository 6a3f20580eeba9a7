import { Zip, ZipPassThrough } from 'fflate';

export type ZipEntry = { name: string; build: () => Promise<Uint8Array> };

/**
 * A ZIP streamed as it is built: each PDF is rendered, added and flushed before the next one, so memory holds one
 * slip at a time. PDFs are already compressed, so entries are stored (pass-through), not deflated again.
 */
export function zipStream(entries: ZipEntry[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      try {
        for (const entry of entries) {
          const file = new ZipPassThrough(entry.name);
          zip.add(file);
          file.push(await entry.build(), true);
        }
        zip.end();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

/** A file-name part from a company name: lower case, ASCII letters and digits, dashes between words. */
export function fileNamePart(value: string): string {
  const folded = value
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'selskap';
}

import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit to `url` loads: every /_next/static script the HTML names, fetched and gzipped
 * (level 9, about what a server's compression sends), in KB. Next's own "First Load JS" figure, measured on the page.
 */
export async function firstLoadJsKb(url: string, cookie: string): Promise<number> {
  const html = await (await fetch(url, { headers: { cookie }, redirect: 'manual' })).text();
  const sources = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]*\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1] ?? ''));
  let bytes = 0;
  for (const source of sources) {
    const body = await (await fetch(new URL(source, url))).arrayBuffer();
    bytes += gzipSync(Buffer.from(body), { level: 9 }).byteLength;
  }
  return bytes / 1024;
}

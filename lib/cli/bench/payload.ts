import { gzipSync } from 'node:zlib';

/** What one page sends: the whole HTML, the inline RSC payload inside it (the self.__next_f scripts), both gzipped too. */
export type Payload = { htmlBytes: number; rscBytes: number; htmlGzipBytes: number };

const FLIGHT_SCRIPT = /<script[^>]*>(self\.__next_f\.push\([\s\S]*?\))<\/script>/g;

/** The bytes of `html` and of its inline RSC payload (the scripts' text: what travels, escaped as it is). */
export function payloadOf(html: string): Payload {
  let rscBytes = 0;
  for (const match of html.matchAll(FLIGHT_SCRIPT)) rscBytes += Buffer.byteLength(match[1] ?? '');
  return { htmlBytes: Buffer.byteLength(html), rscBytes, htmlGzipBytes: gzipSync(html, { level: 6 }).byteLength };
}

export async function pagePayload(url: string, cookie: string): Promise<Payload> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
  if (response.status !== 200) throw new Error(`payload of ${url}: HTTP ${response.status}`);
  return payloadOf(await response.text());
}

/**
 * Each page's budget in KB (1 000 bytes), HTML and inline payload, uncompressed: set from the profile of this pass
 * (README "Payload budgets") ~10 % above what the page sent with the demo's data at 1M cases after this pass, so that a page
 * that grows by a panel or a catalogue subtree shows up. A page past either is a FAILED line in bench:cases.
 */
export const PAYLOAD_BUDGETS_KB = {
  'case list': { html: 180, rsc: 105 },
  'case page': { html: 65, rsc: 46 },
  Innsikt: { html: 97, rsc: 60 },
  Rapporter: { html: 95, rsc: 38 },
} as const satisfies Record<string, { html: number; rsc: number }>;

export type BudgetedPage = keyof typeof PAYLOAD_BUDGETS_KB;

const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(7);

/** The report's lines: the floor's bytes first, then each page beside its budget, FAILED where it is past one. */
export function payloadLines(floor: Payload, pages: [BudgetedPage, Payload][]): { lines: string[]; failed: number } {
  const lines = [
    `Payload per page (KB = 1 000 bytes; budgets in lib/cli/bench/payload.ts)   HTML  budget   inline RSC  budget   HTML gzip`,
    `${'floor'.padEnd(70)} ${kb(floor.htmlBytes)}        ${kb(floor.rscBytes)}          ${kb(floor.htmlGzipBytes)}`,
  ];
  let failed = 0;
  for (const [name, payload] of pages) {
    const budget = PAYLOAD_BUDGETS_KB[name];
    const over = payload.htmlBytes > budget.html * 1000 || payload.rscBytes > budget.rsc * 1000;
    if (over) failed++;
    lines.push(
      `${name.padEnd(70)} ${kb(payload.htmlBytes)} ${String(budget.html).padStart(6)}   ${kb(payload.rscBytes)} ${String(budget.rsc).padStart(6)}   ${kb(payload.htmlGzipBytes)}  ${over ? 'FAILED: past its budget' : 'within budget'}`,
    );
  }
  return { lines, failed };
}

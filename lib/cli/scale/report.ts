// Every check prints one line: PASS or FAIL, what it checked, and what it saw.
const results: boolean[] = [];

export function report(ok: boolean, what: string, seen: string) {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${what} — ${seen}`);
}

export function allPassed(): boolean {
  return results.length > 0 && results.every(Boolean);
}

/** Polls `check` every 250 ms until it holds or `timeoutMs` passed; returns whether it held. */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    if (await check()) return true;
    if (Date.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// One Chromium per test file, launched when first asked for; every openBrowser() gets its own context in it (its
// own cookies, storage and cache, as a fresh profile has), which costs milliseconds where a launch costs a second.
let launched: Promise<Browser> | undefined;

export function sharedBrowser(): Promise<Browser> {
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  return launched;
}

/** Closes the file's browser (tests/helpers/e2e-database.ts registers this after every e2e file). */
export async function closeSharedBrowser() {
  const browser = launched;
  launched = undefined;
  if (browser) await (await browser).close();
}

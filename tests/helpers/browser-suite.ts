import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openDatabase } from '@/db/client';
import { openBrowser } from './browser';

/** Stands in for an object that exists only once beforeAll has run, forwarding every property to it. */
function forwardTo<T extends object>(current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const real = current();
      if (!real) throw new Error('the browser opens in beforeAll; use it inside a test');
      const value: unknown = Reflect.get(real, property, real);
      return typeof value === 'function' ? value.bind(real) : value;
    },
  });
}

/**
 * An e2e file's shared parts: the portal's database, and one browser whose cookies are cleared after each test.
 * Registers the hooks that open and close them.
 */
export function browserSuite() {
  const handle = openDatabase(process.env.DATABASE_URL, { max: 2 });
  let opened: { context: BrowserContext; page: Page } | undefined;
  beforeAll(async () => {
    opened = await openBrowser();
  });
  afterEach(async () => {
    await opened?.context.clearCookies();
  });
  afterAll(async () => {
    await opened?.context.close();
    await handle.close();
  });
  return { db: handle.db, context: forwardTo(() => opened?.context), page: forwardTo(() => opened?.page) };
}

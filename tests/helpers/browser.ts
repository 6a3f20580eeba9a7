import { eq, sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import type { Executor } from '@/db/client';
import { secondFactors, users } from '@/db/schema';
import { currentTotp } from '@/lib/auth/totp';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { E2E_SECRETS } from './e2e-secrets';
import { waitFor } from './wait';
import { portalUrl } from './e2e-portal';
import { sharedBrowser } from './shared-browser';

/** A fresh browser context (no cookies) in the file's Chromium; `javaScriptEnabled: false` tests the forms' plain-HTML path. */
export async function openBrowser(options: { javaScriptEnabled?: boolean; locale?: string } = {}) {
  const context = await (
    await sharedBrowser()
  ).newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: options.locale ?? 'nb-NO',
    baseURL: portalUrl(),
  });
  const page = await context.newPage();
  return { context, page };
}

/**
 * The next TOTP code this user's factor will accept. A code is accepted once, so when the current
 * 30-second step was already used (an earlier sign-in in the same test run), wait for the next one.
 */
export async function nextCode(db: Executor, email: string, secret: string) {
  const [factor] = await db
    .select({ lastUsedStep: secondFactors.lastUsedStep })
    .from(secondFactors)
    .innerJoin(users, eq(users.id, secondFactors.userId))
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  const step = () => Math.floor(Date.now() / 30_000);
  const used = factor?.lastUsedStep;
  if (used != null) await waitFor(() => step() > used, { timeoutMs: 35_000, what: 'the next TOTP step' });
  return currentTotp(secret);
}

export async function submitPassword(page: Page, locale: 'nb' | 'en', email: string, password: string) {
  await page.goto(`/${locale}/login`);
  await page.getByLabel(locale === 'nb' ? 'E-post' : 'Email').fill(email);
  await page.getByLabel(locale === 'nb' ? 'Passord' : 'Password').fill(password);
  await page.getByRole('button', { name: locale === 'nb' ? 'Logg inn' : 'Sign in' }).click();
}

/** Signs in through both steps as a user would, and waits for Saker / Cases (the desk for agency staff). */
export async function signIn(
  page: Page,
  db: Executor,
  user: { email: string; password: string; totpSecret: string },
  locale: 'nb' | 'en' = 'nb',
) {
  await submitPassword(page, locale, user.email, user.password);
  await page.waitForURL(`**/${locale}/login/verify`);
  await page.getByLabel(locale === 'nb' ? 'Engangskode' : 'One-time code').fill(await nextCode(db, user.email, user.totpSecret));
  await page.getByRole('button', { name: locale === 'nb' ? 'Bekreft' : 'Verify' }).click();
  // Creditors land on Saker, the agency's staff on the desk.
  await page.waitForURL(/\/(nb|en)\/(cases|desk)(\?|$)/);
}

/** Opens the menu behind the user's name, top right ("pilen ved navnet ditt"). */
export async function openUserMenu(page: Page) {
  await page.getByLabel(/^(Brukermeny for|User menu for) /).click();
}

export async function closeBrowser(context: BrowserContext) {
  await context.close();
}

/**
 * Signs a user in by a session cookie, without the forms: for the demo's users, whose one TOTP secret allows one
 * sign-in per 30 seconds through the form.
 */
export async function signInByCookie(context: BrowserContext, db: Executor, email: string, userAgent = 'e2e cookie sign-in') {
  const cookie = await sessionCookieFor(db, email, E2E_SECRETS.AUTH_SECRET, { userAgent });
  const separator = cookie.indexOf('=');
  await context.addCookies([{ name: cookie.slice(0, separator), value: cookie.slice(separator + 1), url: portalUrl() }]);
}

/** A browser signed in as `email`, to read that user's own mail in the demo mailbox (it shows nobody else's). */
export async function openMailboxReader(db: Executor, email: string) {
  const opened = await openBrowser();
  await signInByCookie(opened.context, db, email, 'mailbox reader');
  return opened;
}

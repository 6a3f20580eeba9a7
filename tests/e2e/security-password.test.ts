import { describe, expect, it } from 'vitest';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { openBrowser, signIn, signInByCookie, submitPassword } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeUser } from '@/tests/helpers/factories';
import { openSecurityPage, SECURITY_LABELS, type Locale } from '@/tests/helpers/security-ui';

const { db, page } = browserSuite();
const COMPANY = DEMO_COMPANIES[0].id;

describe.each(['nb', 'en'] as const)('the "Endre passord" article (%s)', (locale: Locale) => {
  const l = SECURITY_LABELS[locale];

  it('refuses wrong current, too short, weak and mismatched; then changes it and ends the other session', async () => {
    const user = await makeUser(db, { locale, memberships: [{ companyId: COMPANY, role: 'read' }] });
    // A second browser, signed in before the change (by a session of its own: a second pass through the form would
    // wait up to 30 s for the next one-time code, as the one just used is refused).
    const other = await openBrowser();
    try {
      await signInByCookie(other.context, db, user.email, 'the other browser');
      await other.page.goto(`/${locale}/cases`);
      expect(new URL(other.page.url()).pathname).toBe(`/${locale}/cases`);
      await signIn(page, db, user, locale);
      await openSecurityPage(page, locale);
      await page.getByRole('link', { name: l.changePassword }).click();
      await page.waitForURL(/configure=password/);

      const submit = async (current: string, next: string, again: string) => {
        await page.getByLabel(l.current, { exact: true }).fill(current);
        await page.getByLabel(l.newPassword, { exact: true }).fill(next);
        await page.getByLabel(l.confirm, { exact: true }).fill(again);
        await page.getByRole('button', { name: l.changePassword }).click();
      };
      const strong = 'Fjordlys-kaffe-tirsdag-2026';
      await submit('feil-passord-her', strong, strong);
      await page.getByText(l.wrongCurrent).waitFor();
      await submit(user.password, 'kort-pass', 'kort-pass');
      await page.getByText(l.tooShort).waitFor();
      await submit(user.password, 'password1234', 'password1234');
      await page.getByText(l.weak).waitFor();
      await submit(user.password, strong, `${strong}x`);
      await page.getByText(l.mismatch).waitFor();
      await submit(user.password, strong, strong);
      await page.getByRole('status').filter({ hasText: l.changed }).waitFor();

      // This browser stays signed in; the other one is signed out at its next request.
      await page.goto(`/${locale}/cases`);
      expect(new URL(page.url()).pathname).toBe(`/${locale}/cases`);
      await other.page.goto(`/${locale}/cases`);
      expect(new URL(other.page.url()).pathname).toBe(`/${locale}/login`);

      // The old password is refused at sign-in; the new one works.
      await page.context().clearCookies();
      await submitPassword(page, locale, user.email, user.password);
      await page.getByText(locale === 'nb' ? 'Feil e-post eller passord.' : 'Wrong email or password.').waitFor();
      await submitPassword(page, locale, user.email, strong);
      await page.waitForURL(`**/${locale}/login/verify`);
    } finally {
      await other.context.close();
    }
  });
});

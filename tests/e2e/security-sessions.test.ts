import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sessions } from '@/db/schema';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { openBrowser, signIn, submitPassword } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeUser } from '@/tests/helpers/factories';
import { openSecurityPage } from '@/tests/helpers/security-ui';

const { db, page } = browserSuite();
const COMPANY = DEMO_COMPANIES[0].id;

async function liveRows(userId: string) {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

describe('sessions', () => {
  it('signing in again in the same browser leaves one live session row, and Auth.js’s own sign-out ends it', async () => {
    const user = await makeUser(db, { memberships: [{ companyId: COMPANY, role: 'read' }] });
    // The password step twice (the second step not done yet): the first pending session must not stay alive.
    await submitPassword(page, 'nb', user.email, user.password);
    await page.waitForURL('**/nb/login/verify');
    await submitPassword(page, 'nb', user.email, user.password);
    await page.waitForURL('**/nb/login/verify');
    await expect(liveRows(user.id)).resolves.toHaveLength(1);
    await page.context().clearCookies();
    await signIn(page, db, user, 'nb');
    await expect(liveRows(user.id)).resolves.toHaveLength(2);
    // Auth.js's own sign-out route, as its sign-out form posts to it (with its CSRF token).
    const status = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
      const response = await fetch('/api/auth/signout', { method: 'POST', body: new URLSearchParams({ csrfToken }), redirect: 'manual' });
      return response.type === 'opaqueredirect' ? 302 : response.status;
    });
    expect([200, 302]).toContain(status);
    // The first browser's pending row (its cookie was cleared) stays until it expires; this browser's row is gone.
    await expect(liveRows(user.id)).resolves.toHaveLength(1);
  });

  it('lists the active sessions under Sikkerhet and signs out the other ones', async () => {
    const user = await makeUser(db, { memberships: [{ companyId: COMPANY, role: 'read' }] });
    const other = await openBrowser();
    try {
      await signIn(other.page, db, user, 'nb');
      await signIn(page, db, user, 'nb');
      await openSecurityPage(page, 'nb');
      const list = page.getByRole('region', { name: 'Aktive økter' }).getByRole('listitem');
      await expect(list.count()).resolves.toBe(2);
      await expect(list.filter({ hasText: 'Denne økten' }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Logg ut andre økter' }).click();
      await page.getByText('Andre økter er logget ut.').waitFor();
      await other.page.goto('/nb/cases');
      expect(new URL(other.page.url()).pathname).toBe('/nb/login');
      await page.goto('/nb/cases');
      expect(new URL(page.url()).pathname).toBe('/nb/cases');
    } finally {
      await other.context.close();
    }
  });
});

import type { Page } from 'playwright-core';

export type Locale = 'nb' | 'en';

export const SECURITY_LABELS = {
  nb: {
    settings: 'Innstillinger',
    security: 'Sikkerhet',
    changePassword: 'Endre passord',
    current: 'Nåværende passord',
    newPassword: 'Nytt passord',
    confirm: 'Gjenta nytt passord',
    wrongCurrent: 'Nåværende passord er feil.',
    tooShort: 'Passordet må ha minst 12 tegn.',
    weak: 'Passordet er for lett å gjette.',
    mismatch: 'Passordene er ikke like.',
    changed: 'Passordet er endret.',
    configure: 'Konfigurer',
    preferred: 'Foretrukket 2FA-metode',
    save: 'Lagre',
    code: 'Engangskode',
    verify: 'Bekreft',
    otherMethod: 'Bruk en annen metode',
  },
  en: {
    settings: 'Settings',
    security: 'Security',
    changePassword: 'Change password',
    current: 'Current password',
    newPassword: 'New password',
    confirm: 'Repeat new password',
    wrongCurrent: 'The current password is wrong.',
    tooShort: 'The password must have at least 12 characters.',
    weak: 'The password is too easy to guess.',
    mismatch: 'The passwords do not match.',
    changed: 'Your password has been changed.',
    configure: 'Configure',
    preferred: 'Preferred 2FA method',
    save: 'Save',
    code: 'One-time code',
    verify: 'Verify',
    otherMethod: 'Use another method',
  },
} as const;

/** Steps 1–3 of both articles: the menu by your name, Innstillinger, Sikkerhet. */
export async function openSecurityPage(page: Page, locale: Locale) {
  const l = SECURITY_LABELS[locale];
  await page.locator('header summary').click();
  await page.getByRole('link', { name: l.settings }).click();
  await page.waitForURL(`**/${locale}/settings/profile`);
  await page.getByRole('navigation', { name: l.settings }).getByRole('link', { name: l.security }).click();
  await page.waitForURL(`**/${locale}/settings/security`);
}

/** "Konfigurer" beside one method (App, SMS, Passnøkkel). */
export async function configure(page: Page, locale: Locale, methodName: string) {
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: methodName, exact: true }) });
  await item.getByRole('link', { name: SECURITY_LABELS[locale].configure }).click();
  await page.waitForURL(/configure=/);
  return item;
}

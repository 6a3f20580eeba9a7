import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { outbox } from '@/db/schema';
import { DEMO_COMPANIES } from '@/lib/demo/accounts';
import { currentTotp } from '@/lib/auth/totp';
import { nextCode, signIn, submitPassword } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeUser } from '@/tests/helpers/factories';
import { configure, openSecurityPage, SECURITY_LABELS, type Locale } from '@/tests/helpers/security-ui';

const { db, page } = browserSuite();
const COMPANY = DEMO_COMPANIES[0].id;

const TEXT = {
  nb: {
    app: 'App',
    sms: 'SMS',
    passkey: 'Passnøkkel',
    remove: 'Fjern',
    lastMethod: 'Du kan ikke fjerne den siste tofaktor-metoden.',
    appCode: 'Kode fra appen',
    saveApp: 'Lagre app',
    appSaved: 'Appen er konfigurert.',
    codesList: 'Dine nye gjenopprettingskoder',
    regenerate: 'Lag nye koder',
    createCodes: 'Lag gjenopprettingskoder',
    recoveryLink: 'Gjenopprettingskode',
    recoveryUsedTwice: 'Koden er feil eller allerede brukt.',
    phone: 'Mobilnummer',
    sendCode: 'Send kode',
    smsCode: 'Kode fra SMS',
    confirmNumber: 'Bekreft nummer',
    smsSaved: 'SMS er konfigurert.',
    preferredSaved: 'Foretrukket metode er lagret.',
    sendSms: 'Send SMS-kode',
    smsIntro: 'Vi har sendt en sekssifret kode på SMS til',
    resendTooSoon: 'Vent litt før du ber om en ny kode.',
    codeRegex: /(\d{6}) er koden din/,
    passkeyName: 'Navn på passnøkkelen',
    addPasskey: 'Legg til passnøkkel',
    passkeySaved: 'Passnøkkelen er registrert.',
    usePasskey: 'Bruk passnøkkel',
  },
  en: {
    app: 'App',
    sms: 'SMS',
    passkey: 'Passkey',
    remove: 'Remove',
    lastMethod: 'You cannot remove the last two-factor method.',
    appCode: 'Code from the app',
    saveApp: 'Save app',
    appSaved: 'The app is configured.',
    codesList: 'Your new recovery codes',
    regenerate: 'Make new codes',
    createCodes: 'Create recovery codes',
    recoveryLink: 'Recovery code',
    recoveryUsedTwice: 'The code is wrong or already used.',
    phone: 'Mobile number',
    sendCode: 'Send code',
    smsCode: 'Code from the text message',
    confirmNumber: 'Confirm number',
    smsSaved: 'SMS is configured.',
    preferredSaved: 'The preferred method has been saved.',
    sendSms: 'Send SMS code',
    smsIntro: 'We have sent a six-digit code by text message to',
    resendTooSoon: 'Please wait a little before asking for a new code.',
    codeRegex: /(\d{6}) is your/,
    passkeyName: 'Passkey name',
    addPasskey: 'Add passkey',
    passkeySaved: 'The passkey has been registered.',
    usePasskey: 'Use passkey',
  },
} as const;

async function listedCodes(page: Page, label: string) {
  return page.getByRole('list', { name: label }).getByRole('listitem').allTextContents();
}

/** The newest SMS to `phone` in the development mailbox, and the code in it. */
async function smsCodeFor(page: Page, phone: string, pattern: RegExp) {
  await page.goto('/nb/dev/mailbox');
  const sms = page
    .getByRole('article')
    .filter({ hasText: `SMS: ${phone}` })
    .first();
  await sms.waitFor();
  const match = pattern.exec((await sms.textContent()) ?? '');
  expect(match).not.toBeNull();
  return match?.[1] ?? '';
}

describe.each(['nb', 'en'] as const)('the 2FA article (%s)', (locale: Locale) => {
  const l = SECURITY_LABELS[locale];
  const x = TEXT[locale];

  it('sets up the app from the page, refuses removing the last method, uses a recovery code once, regenerates', async () => {
    const user = await makeUser(db, { locale, memberships: [{ companyId: COMPANY, role: 'read' }] });
    await signIn(page, db, user, locale);
    await openSecurityPage(page, locale);
    // First visit: no codes are made by merely opening the page; the button makes ten, shown once.
    expect(await page.getByRole('list', { name: x.codesList }).count()).toBe(0);
    await page.getByRole('button', { name: x.createCodes }).click();
    await page.getByRole('list', { name: x.codesList }).getByRole('listitem').first().waitFor();
    const codes = await listedCodes(page, x.codesList);
    expect(codes).toHaveLength(10);

    const app = await configure(page, locale, x.app);
    await app.getByRole('button', { name: x.remove }).click();
    await app.getByText(x.lastMethod).waitFor();

    const secret = await page.getByTestId('totp-secret').inputValue();
    expect(secret).not.toBe(user.totpSecret);
    await expect(
      page
        .getByRole('img', { name: locale === 'nb' ? 'QR-kode for autentiseringsappen' : 'QR code for the authenticator app' })
        .getAttribute('src'),
    ).resolves.toMatch(/^data:image\/svg\+xml;base64,/);
    await page.getByLabel(x.appCode).fill(await currentTotp(secret));
    await page.getByRole('button', { name: x.saveApp }).click();
    await page.getByText(x.appSaved).waitFor();

    // The next sign-in asks the new app.
    await page.context().clearCookies();
    await signIn(page, db, { ...user, totpSecret: secret }, locale);

    // A recovery code in place of the second factor: accepted once.
    for (const attempt of ['first', 'second'] as const) {
      await page.context().clearCookies();
      await submitPassword(page, locale, user.email, user.password);
      await page.waitForURL(`**/${locale}/login/verify`);
      await page.getByRole('navigation', { name: l.otherMethod }).getByRole('link', { name: x.recoveryLink }).click();
      await page.waitForURL(/method=recovery/);
      await page.getByLabel(x.recoveryLink).fill(codes[0] ?? '');
      await page.getByRole('button', { name: l.verify }).click();
      if (attempt === 'first') await page.waitForURL(`**/${locale}/cases`);
      else await page.getByText(x.recoveryUsedTwice).waitFor();
    }

    // Signed in with a second, unused code, then new codes void the old ones.
    await page.goto(`/${locale}/login/verify?method=recovery`);
    await page.getByLabel(x.recoveryLink).fill(codes[2] ?? '');
    await page.getByRole('button', { name: l.verify }).click();
    await page.waitForURL(`**/${locale}/cases`);
    await openSecurityPage(page, locale);
    await page.getByRole('button', { name: x.regenerate }).click();
    const fresh = await page
      .getByRole('list', { name: x.codesList })
      .getByRole('listitem')
      .first()
      .waitFor()
      .then(() => listedCodes(page, x.codesList));
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[1]);
  }, 120_000);

  it('sets up SMS with the code from the mailbox, makes it preferred, and the next sign-in asks for it', async () => {
    const user = await makeUser(db, { locale, memberships: [{ companyId: COMPANY, role: 'read' }] });
    const phone = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await signIn(page, db, user, locale);
    await openSecurityPage(page, locale);
    await configure(page, locale, x.sms);
    await page.getByLabel(x.phone).fill(`${phone.slice(3, 6)} ${phone.slice(6, 8)} ${phone.slice(8)}`);
    await page.getByRole('button', { name: x.sendCode }).click();
    await page
      .getByRole('status')
      .filter({ hasText: locale === 'nb' ? 'Vi har sendt en kode' : 'We have sent a code' })
      .waitFor();
    const setupCode = await smsCodeFor(page, phone, x.codeRegex);
    await page.goto(`/${locale}/settings/security?configure=sms`);
    await page.getByLabel(x.smsCode).fill(setupCode);
    await page.getByRole('button', { name: x.confirmNumber }).click();
    await page.getByText(x.smsSaved).waitFor();

    await page.getByLabel(l.preferred).selectOption({ label: x.sms });
    await page.getByRole('button', { name: l.save, exact: true }).click();
    await page.getByText(x.preferredSaved).waitFor();

    await page.context().clearCookies();
    await submitPassword(page, locale, user.email, user.password);
    await page.waitForURL(`**/${locale}/login/verify`);
    // The password step sent the code already (issue 22): the page says so, and a second one waits a minute.
    await page.getByText(x.smsIntro).waitFor();
    await page.getByRole('button', { name: x.sendSms }).click();
    await page.getByText(x.resendTooSoon).waitFor();
    // The mailbox shows nothing to a session at the second-factor step: the phone's message is read from the outbox.
    const [sms] = await db
      .select({ text: outbox.bodyText })
      .from(outbox)
      .where(and(eq(outbox.channel, 'sms'), eq(outbox.recipient, phone)))
      .orderBy(desc(outbox.createdAt))
      .limit(1);
    const signInCode = x.codeRegex.exec(sms?.text ?? '')?.[1] ?? '';
    expect(signInCode).not.toBe(setupCode);
    await page.goto(`/${locale}/login/verify`);
    await page.getByLabel(l.code).fill(signInCode);
    await page.getByRole('button', { name: l.verify }).click();
    await page.waitForURL(`**/${locale}/cases`);
  });

  it('registers a passkey with a virtual authenticator and signs in with it', async () => {
    const user = await makeUser(db, { locale, memberships: [{ companyId: COMPANY, role: 'read' }] });
    // WebAuthn refuses an IP address as relying party: this test talks to the same server as "localhost".
    await page.goto('/nb/login');
    const host = new URL(page.url());
    host.hostname = 'localhost';
    const origin = host.origin;
    // The real Page behind the suite's forwarding proxy: CDP wants the object itself.
    const realPage = page.context().pages()[0];
    if (!realPage) throw new Error('no page');
    const cdp = await page.context().newCDPSession(realPage);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    try {
      const passwordStep = async () => {
        await page.goto(`${origin}/${locale}/login`);
        await page.getByLabel(locale === 'nb' ? 'E-post' : 'Email').fill(user.email);
        await page.getByLabel(locale === 'nb' ? 'Passord' : 'Password').fill(user.password);
        await page.getByRole('button', { name: locale === 'nb' ? 'Logg inn' : 'Sign in' }).click();
        await page.waitForURL(`**/${locale}/login/verify`);
      };
      await passwordStep();
      await page.getByLabel(l.code).fill(await nextCode(db, user.email, user.totpSecret));
      await page.getByRole('button', { name: l.verify }).click();
      await page.waitForURL(`**/${locale}/cases`);
      await page.goto(`${origin}/${locale}/settings/security?configure=passkey`);
      await page.getByLabel(x.passkeyName).fill('Testnøkkel');
      await page.getByRole('button', { name: x.addPasskey }).click();
      await page.getByText(x.passkeySaved).waitFor();
      await page.getByText('Testnøkkel').first().waitFor();

      await page.context().clearCookies();
      await passwordStep();
      await page.getByRole('navigation', { name: l.otherMethod }).getByRole('link', { name: x.passkey }).click();
      await page.waitForURL(/method=passkey/);
      await page.getByRole('button', { name: x.usePasskey }).click();
      await page.waitForURL(`**/${locale}/cases`);
    } finally {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      await cdp.detach();
    }
  });
});

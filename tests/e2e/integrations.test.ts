import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys, events, sessions, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { closeBrowser, openBrowser, signIn } from '@/tests/helpers/browser';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { portalUrl } from '@/tests/helpers/e2e-portal';

const { db, page } = browserSuite();

describe('Innstillinger → Selskap → Integrasjoner', () => {
  it('an Administrator creates a key, sees it once, the key works against /api/v1, and revokes it', async () => {
    const company = await makeCompany(db);
    const admin = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    await signIn(page, db, admin);
    await page.goto('/nb/settings');
    await page.getByRole('link', { name: 'Integrasjoner' }).click();
    await page.waitForURL('**/nb/settings/company/integrations');
    // A key is a standing secret: it needs the password from the last 10 minutes (signing in counted; now it is older).
    await db
      .update(sessions)
      .set({ reauthenticatedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(sessions.userId, admin.id));
    await page.reload();
    await page.getByText('For å lage en API-nøkkel eller legge til et webhook-endepunkt må du skrive inn passordet ditt.').waitFor();
    await page.getByLabel('Navn på nøkkelen').fill('Tripletex');
    await page.getByRole('button', { name: 'Opprett nøkkel' }).click();
    await page.getByText('Bekreft passordet ditt først. Bekreftelsen gjelder i 10 minutter.').first().waitFor();
    expect(await db.select().from(apiKeys).where(eq(apiKeys.companyId, company.id))).toEqual([]);
    await page.getByLabel('Nåværende passord').fill(admin.password);
    await page.getByRole('button', { name: 'Bekreft passord' }).click();
    // Confirmed: the page renders again without the form, and says so.
    await page.getByRole('status').filter({ hasText: 'Bekreftet. Du kan gjøre endringer de neste 10 minuttene.' }).waitFor();
    expect(await page.getByLabel('Nåværende passord').count()).toBe(0);
    await page.getByLabel('Navn på nøkkelen').fill('Tripletex');
    await page.getByRole('button', { name: 'Opprett nøkkel' }).click();
    const shown = page.getByLabel('API-nøkkel', { exact: true });
    await shown.waitFor();
    const key = await shown.inputValue();
    expect(key).toMatch(/^ac_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.companyId, company.id));
    expect(stored?.secretHash).not.toContain(key.slice(12));
    expect(key).toContain(`ac_${stored?.prefix}_`);

    // Switch AutoCollect on (a live key exists), then the key answers.
    await page.getByRole('switch', { name: /AutoCollect/ }).check();
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('AutoCollect er slått på.').waitFor();
    const call = () => fetch(new URL('/api/v1/cases', portalUrl()), { headers: { Authorization: `Bearer ${key}` } });
    expect((await call()).status).toBe(200);

    // After a reload the key is gone from the page: only its prefix is listed.
    await page.reload();
    expect(await page.getByLabel('API-nøkkel', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(key);
    await page.getByRole('cell', { name: `ac_${stored?.prefix}_…` }).waitFor();

    await page.getByRole('button', { name: 'Trekk tilbake nøkkelen Tripletex' }).click();
    await page.getByText(/^Trukket tilbake /).waitFor();
    expect((await call()).status).toBe(401);
    const types = (await db.select({ type: events.type }).from(events).where(eq(events.companyId, company.id))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['api_key.created', 'company.autocollect_changed', 'api_key.revoked']));
  });

  it('an Administrator adds a webhook endpoint (secret shown once), sees a delivery with its answer and resends it', async () => {
    const company = await makeCompany(db);
    const admin = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    await signIn(page, db, admin);
    await page.goto(`/nb/settings/company/integrations?company=${company.id}`);
    await page.getByLabel('Endepunkt (https-adresse)').fill('http://erp.example.com/hook');
    await page.getByRole('button', { name: 'Legg til endepunkt' }).click();
    await page.getByText('Adressen må begynne med https://.').first().waitFor();
    // The agency's own network is refused when saving, in any spelling of the address.
    for (const inside of [
      'https://169.254.169.254/latest/meta-data',
      'https://0x7f000001/hook',
      'https://[::1]/hook',
      'https://intranet/hook',
    ]) {
      await page.getByLabel('Endepunkt (https-adresse)').fill(inside);
      // The answer to this very post (the message of the one before may still be on screen).
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: 'Legg til endepunkt' }).click(),
      ]);
      await page.getByText('Adressen peker til et internt nettverk. Bruk en offentlig https-adresse.').first().waitFor();
    }
    expect(await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.companyId, company.id))).toEqual([]);
    await page.getByLabel('Endepunkt (https-adresse)').fill('https://erp.example.com/hook');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Legg til endepunkt' }).click(),
    ]);
    const secret = await page.getByLabel('Signeringshemmelighet').inputValue();
    expect(secret).toMatch(/^whsec_/);
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.companyId, company.id));
    expect(endpoint?.secretEncrypted).not.toContain(secret);
    await db.insert(webhookDeliveries).values({
      companyId: company.id,
      endpointId: endpoint?.id ?? '',
      eventId: crypto.randomUUID(),
      eventType: 'case.paused',
      payload: {},
      status: 'failed',
      attempts: 8,
      lastStatusCode: 503,
      lastError: 'http',
    });
    // A row written before this release, with a raw error text: only a fixed reason is shown.
    await db.insert(webhookDeliveries).values({
      companyId: company.id,
      endpointId: endpoint?.id ?? '',
      eventId: crypto.randomUUID(),
      eventType: 'case.resumed',
      payload: {},
      status: 'failed',
      attempts: 8,
      lastError: 'connect ECONNREFUSED 10.0.0.5:5432',
    });
    await page.reload();
    await page.getByRole('cell', { name: 'HTTP 503', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Feilet', exact: true }).waitFor();
    expect(await page.content()).not.toContain('ECONNREFUSED');
    await page.getByRole('cell', { name: 'Feilet (forsøk: 8)' }).first().waitFor();
    await page
      .getByRole('row', { name: /case\.paused/ })
      .getByRole('button', { name: 'Send igjen' })
      .click();
    await page.getByText('Leveransen sendes igjen.').waitFor();
    const [delivery] = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.companyId, company.id), eq(webhookDeliveries.eventType, 'case.paused')));
    expect(delivery?.status).toBe('pending');
  });

  it('without JavaScript, confirming the password says Bekreftet and the page offers the key form', async () => {
    const company = await makeCompany(db);
    const admin = await makeUser(db, { memberships: [{ companyId: company.id, role: 'admin' }] });
    const plain = await openBrowser({ javaScriptEnabled: false });
    try {
      await signIn(plain.page, db, admin);
      await db
        .update(sessions)
        .set({ reauthenticatedAt: new Date(Date.now() - 11 * 60_000) })
        .where(eq(sessions.userId, admin.id));
      await plain.page.goto('/nb/settings/company/integrations');
      await plain.page.getByLabel('Nåværende passord').fill(admin.password);
      await plain.page.getByRole('button', { name: 'Bekreft passord' }).click();
      await plain.page.getByRole('status').filter({ hasText: 'Bekreftet. Du kan gjøre endringer de neste 10 minuttene.' }).waitFor();
      expect(await plain.page.getByLabel('Nåværende passord').count()).toBe(0);
      await plain.page.getByLabel('Navn på nøkkelen').waitFor();
    } finally {
      await closeBrowser(plain.context);
    }
  });

  it('a Lese user sees no Integrasjoner, and the page does not exist for them', async () => {
    const company = await makeCompany(db);
    const reader = await makeUser(db, { memberships: [{ companyId: company.id, role: 'read' }] });
    await signIn(page, db, reader);
    await page.goto('/nb/settings/profile');
    await page.getByRole('link', { name: 'Brukere' }).waitFor();
    expect(await page.getByRole('link', { name: 'Integrasjoner' }).count()).toBe(0);
    const response = await page.goto('/nb/settings/company/integrations');
    expect(response?.status()).toBe(404);
  });
});

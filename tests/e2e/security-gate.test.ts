import { createRequire } from 'node:module';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { companies, invitations, invoiceAttachments, invoiceDrafts, outbox, remittanceSlips, secondFactors, users } from '@/db/schema';
import { decryptSecret } from '@/lib/auth/crypto';
import { currentTotp, newTotpSecret } from '@/lib/auth/totp';
import { createApiKey } from '@/lib/integrations/keys/mutations';
import { sessionCookieFor } from '@/lib/cli/session-cookie';
import { loadActionRefs } from '@/tests/authorization/call';
import { signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeCase, makeCompanyActor } from '@/tests/helpers/case-factories';
import { E2E_SECRETS } from '@/tests/helpers/e2e-secrets';
import { makeUser } from '@/tests/helpers/factories';
import { invoiceBody } from '@/tests/helpers/api-fixtures';
import { customer } from '@/tests/helpers/invoice-fixtures';
import { uploadPdf } from '@/tests/helpers/invoice-ui';
import { pdfBomb } from '@/tests/helpers/pdf-bomb';
import { portalUrl } from '@/tests/helpers/e2e-portal';

const { db, page } = browserSuite();
const base = () => portalUrl();

const require = createRequire(import.meta.url);
// The encoder the browser uses to post a server action's arguments.
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** Posts a server action as the browser does; what the caller meets: a redirect, or the action's answer as text. */
async function postAction(
  file: string,
  name: string,
  pagePath: string,
  args: unknown[],
  cookie: string | null,
  headers: Record<string, string> = {},
) {
  const ref = loadActionRefs().get(`${file}#${name}`);
  if (!ref) throw new Error(`${file}#${name} is not in the build`);
  const response = await fetch(new URL(pagePath, base()), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': ref.id, Accept: 'text/x-component', Origin: base(), ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: await encodeReply(args),
  });
  return {
    status: response.status,
    redirect: response.headers.get('x-action-redirect') ?? response.headers.get('location'),
    text: await response.text(),
  };
}

async function writerWithDraft() {
  const { company } = await makeCompanyActor(db, 'admin');
  const writer = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
  await db.update(users).set({ betaEnabled: true }).where(eq(users.id, writer.id));
  const [draft] = await db
    .insert(invoiceDrafts)
    .values({ companyId: company.id, userId: writer.id, customer: customer() })
    .returning({ id: invoiceDrafts.id });
  if (!draft) throw new Error('no draft');
  return { company, writer, draftId: draft.id };
}

function uploadForm(attachment: Uint8Array) {
  const form = new FormData();
  form.append('attachment', new File([Buffer.from(attachment)], 'faktura.pdf', { type: 'application/pdf' }));
  return form;
}

/** Posts the upload form as a browser does, with the cookie given (or none). */
function postUpload(draftId: string, body: FormData | Uint8Array, cookie: string | null, headers: Record<string, string> = {}) {
  return fetch(new URL(`/api/invoices/drafts/${draftId}/attachment?locale=nb`, base()), {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base(), ...(cookie ? { Cookie: cookie } : {}), ...headers },
    body: body instanceof FormData ? body : Buffer.from(body),
  });
}

describe('+ Ny faktura: the PDF upload route, a deflate bomb (a few KB that inflate to 8 MB) and an oversize body', () => {
  // A cookie with the session's name but no session gets past the proxy's cheap check, as in the report.
  const forged = 'authjs.session-token=forged';

  it('anonymous: refused by the gate with 401, the bomb and a body of more than 10 MB alike; nothing kept', async () => {
    const { draftId } = await writerWithDraft();
    const bomb = await postUpload(draftId, uploadForm(await pdfBomb(8)), forged);
    expect(bomb.status).toBe(401);
    const oversize = await postUpload(draftId, uploadForm(new Uint8Array(10 * 1024 * 1024 + 32 * 1024).fill(0x25)), forged);
    expect(oversize.status).toBe(401);
    expect(await db.select().from(invoiceAttachments).where(eq(invoiceAttachments.draftId, draftId))).toEqual([]);
  });

  it('a Skrive user: the bomb refused with the translated "not a PDF", a body of more than 10 MB with "larger than 10 MB"; nothing kept', async () => {
    const { writer, draftId } = await writerWithDraft();
    await signIn(page, db, writer, 'nb');
    await page.goto(`/nb/cases/new?draft=${draftId}`);
    await uploadPdf(page, 'nb', { name: 'faktura.pdf', buffer: Buffer.from(await pdfBomb(8)) });
    await page.getByText('Filen er ikke en PDF. Velg fakturaen som PDF-fil.').first().waitFor();
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const oversize = await postUpload(draftId, uploadForm(new Uint8Array(10 * 1024 * 1024 + 32 * 1024).fill(0x25)), cookie);
    expect(oversize.status).toBe(303);
    expect(oversize.headers.get('location')).toMatch(/\/nb\/cases\/new\?draft=[^&]+&upload=pdfTooLarge$/);
    await page.goto(
      new URL(oversize.headers.get('location') ?? '', base()).pathname + new URL(oversize.headers.get('location') ?? '', base()).search,
    );
    await page.getByText('Filen er større enn 10 MB.').first().waitFor();
    expect(await db.select().from(invoiceAttachments).where(eq(invoiceAttachments.draftId, draftId))).toEqual([]);
  });
});

describe('body limits', () => {
  const bytes = (n: number) => 'a'.repeat(n);

  it('the public unsubscribe form: 413 with a problem document past a few KB, also for a body sent without a length', async () => {
    const big = await fetch(new URL('/api/notifications/unsubscribe?token=x', base()), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=x&junk=${bytes(64 * 1024)}`,
    });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    expect(await big.json()).toMatchObject({ status: 413, title: 'Forespørselen er for stor. Den kan være på høyst 8 KB.' });
    const chunked = await fetch(new URL('/api/notifications/unsubscribe?token=x', base()), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`token=x&junk=${bytes(64 * 1024)}`));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    // Refused either way: by the proxy for having no length (411), or by the handler counting while it reads (413).
    expect([411, 413]).toContain(chunked.status);
    expect(chunked.headers.get('content-type')).toContain('application/problem+json');
  });

  it("Auth.js's routes: 413 past a few KB", async () => {
    const response = await fetch(new URL('/api/auth/signout', base()), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'NEXT_LOCALE=en' },
      body: `csrfToken=x&junk=${bytes(64 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ status: 413, title: 'The request is too large. It may be at most 8 KB.' });
  });

  it('/api/v1 with a valid key: 413 past 256 KB, a body within it still reaches validation', async () => {
    const { actor, company } = await makeCompanyActor(db, 'admin');
    await db.update(companies).set({ autocollectEnabled: true }).where(eq(companies.id, company.id));
    const { key } = await db.transaction((tx) => createApiKey(tx, actor, 'Tripletex'));
    const post = (body: string) =>
      fetch(new URL('/api/v1/invoices', base()), {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body,
      });
    const big = await post(JSON.stringify({ ...invoiceBody(), padding: bytes(300 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain('application/problem+json');
    expect(await big.json()).toMatchObject({ status: 413 });
    expect((await post(JSON.stringify({ nothing: true }))).status).toBe(422);
  });

  it('a server action posted to any page but the invoice step: 413 past 1 MB', async () => {
    const response = await fetch(new URL('/nb/login', base()), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Next-Action': 'ff'.repeat(21), 'Content-Type': 'text/plain;charset=UTF-8' },
      body: bytes(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
  });
});

describe('downloads named outside Latin-1', () => {
  it.each(['Łódź.pdf', 'Čáhcegáddi faktura.pdf'])(
    '%s downloads with an ASCII fallback and the real name in filename*',
    async (fileName) => {
      const { company, user } = await makeCompanyActor(db, 'read');
      const debtCase = await makeCase(db, { companyId: company.id, stage: 'notice', invoiceAmountsOre: [100_000] });
      const [draft] = await db
        .insert(invoiceDrafts)
        .values({ companyId: company.id, userId: user.id, customer: customer() })
        .returning({ id: invoiceDrafts.id });
      const [attachment] = await db
        .insert(invoiceAttachments)
        .values({
          companyId: company.id,
          draftId: draft?.id ?? '',
          invoiceId: debtCase.invoices[0]?.id,
          fileName,
          byteSize: 9,
          content: new TextEncoder().encode('%PDF-1.7\n'),
        })
        .returning({ id: invoiceAttachments.id });
      const cookie = await sessionCookieFor(db, user.email, E2E_SECRETS.AUTH_SECRET);
      const response = await fetch(new URL(`/api/cases/${debtCase.id}/attachments/${attachment?.id}?locale=nb`, base()), {
        headers: { Cookie: cookie },
      });
      expect(response.status).toBe(200);
      const disposition = response.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '')).toBe(fileName);
    },
  );
});

describe('the root page and the locale', () => {
  it.each(['/%5Cevil.com', '/%5C%5Cevil.com', '/%2F%2Fevil.com'])('%s never redirects off the portal', async (path) => {
    const response = await fetch(new URL(path, base()), { redirect: 'manual' });
    const location = response.headers.get('location');
    if (location) expect(new URL(location, base()).origin).toBe(new URL(base()).origin);
    expect(response.status).not.toBe(500);
  });
});

describe('passkeys', () => {
  it('take the relying party from PORTAL_URL, not from X-Forwarded-Host', async () => {
    const user = await makeUser(db);
    const cookie = await sessionCookieFor(db, user.email, E2E_SECRETS.AUTH_SECRET);
    // A page served through another host (Next's action check only wants Origin and X-Forwarded-Host to agree).
    const answer = await postAction(
      'lib/auth/passkeys/actions.ts',
      'passkeyRegistrationOptionsAction',
      '/nb/settings/security',
      [],
      cookie,
      {
        Origin: 'http://evil.example',
        'X-Forwarded-Host': 'evil.example',
      },
    );
    expect(answer.text).toContain('"rp":');
    // PORTAL_URL is the server's loopback address, which WebAuthn knows as localhost.
    expect(/"rp":\{[^}]*"id":"([^"]+)"/.exec(answer.text)?.[1]).toBe('localhost');
    expect(answer.text).not.toContain('evil.example');
  });
});

describe('Konfigurer → App', () => {
  it('saves only the secret the page offered: a secret posted with the form is ignored', async () => {
    const user = await makeUser(db);
    await signIn(page, db, user, 'nb');
    await page.goto('/nb/settings/security?configure=totp');
    const offered = await page.getByTestId('totp-secret').inputValue();
    const planted = newTotpSecret();
    // What a forged form (or a tampered hidden field) would post: the attacker's own secret and its code.
    await page.getByLabel('Kode fra appen').evaluate((input: HTMLInputElement, secret: string) => {
      const form = input.form as HTMLFormElement;
      const hidden =
        form.querySelector<HTMLInputElement>('input[name="secret"]') ??
        form.appendChild(Object.assign(document.createElement('input'), { type: 'hidden', name: 'secret' }));
      hidden.value = secret;
    }, planted);
    await page.getByLabel('Kode fra appen').fill(await currentTotp(planted));
    await page.getByRole('button', { name: 'Lagre app' }).click();
    await page.getByText('Koden er feil eller utløpt. Prøv den neste koden fra appen.').first().waitFor();
    await page.getByLabel('Kode fra appen').fill(await currentTotp(offered));
    await page.getByRole('button', { name: 'Lagre app' }).click();
    await page.getByText('Appen er konfigurert.').first().waitFor();
    const [factor] = await db
      .select()
      .from(secondFactors)
      .where(and(eq(secondFactors.userId, user.id), eq(secondFactors.method, 'totp')));
    expect(decryptSecret(factor?.secretEncrypted ?? '')).toBe(offered);
  });
});

describe('the development mailbox (demo)', () => {
  async function mail(values: Partial<typeof outbox.$inferInsert> & { recipient: string; subject: string }) {
    const [row] = await db
      .insert(outbox)
      .values({ channel: 'email', locale: 'nb', template: 'notification', bodyText: values.subject, companyId: null, ...values })
      .returning({ id: outbox.id });
    return row?.id ?? '';
  }

  it("shows a user their own mail and SMS and the invitations they sent; never another user's codes or another company's mail", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const { company: mine, user: me } = await makeCompanyActor(db, 'admin');
    const { company: theirs, user: them } = await makeCompanyActor(db, 'admin');
    const theirPhone = `+479${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    await db.insert(secondFactors).values({ userId: them.id, method: 'sms', phone: theirPhone, confirmedAt: new Date() });
    const [invitation] = await db
      .insert(invitations)
      .values({
        email: `ny-${tag}@example.com`,
        role: 'read',
        tokenHash: `hash-${tag}`,
        invitedByUserId: me.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      })
      .returning({ id: invitations.id });
    await mail({ recipient: me.email.toUpperCase(), subject: `Til meg ${tag}`, companyId: mine.id });
    await mail({
      recipient: `ny-${tag}@example.com`,
      subject: `Invitasjon ${tag}`,
      template: 'invitation',
      companyId: mine.id,
      data: { invitationId: invitation?.id },
    });
    await mail({ recipient: them.email, subject: `Til dem ${tag}`, companyId: theirs.id });
    await mail({
      recipient: `regnskap-${tag}@example.com`,
      subject: `Bilag dem ${tag}`,
      template: 'settlement_report',
      companyId: theirs.id,
    });
    await mail({ recipient: theirPhone, channel: 'sms', subject: `Kode dem ${tag}`, bodyText: `Koden din er 482915 ${tag}` });

    const cookie = await sessionCookieFor(db, me.email, E2E_SECRETS.AUTH_SECRET);
    const html = await (await fetch(new URL('/nb/dev/mailbox', base()), { headers: { Cookie: cookie } })).text();
    expect(html).toContain(`Til meg ${tag}`);
    expect(html).toContain(`Invitasjon ${tag}`);
    for (const hidden of [`Til dem ${tag}`, `Bilag dem ${tag}`, `Koden din er 482915 ${tag}`, theirPhone])
      expect(html).not.toContain(hidden);
  });

  it('shows a session at the second-factor step nothing, and gives a slip only to a member of its company', async () => {
    const { user: me } = await makeCompanyActor(db, 'admin');
    const { company: theirs } = await makeCompanyActor(db, 'admin');
    const pending = await sessionCookieFor(db, me.email, E2E_SECRETS.AUTH_SECRET, { secondFactorPending: true });
    const atStep = await fetch(new URL('/nb/dev/mailbox', base()), { headers: { Cookie: pending }, redirect: 'manual' });
    expect(new URL(atStep.headers.get('location') ?? '/', base()).pathname).toBe('/nb/login/verify');
    // A slip of another company, sent to my own address: the mail is mine, the company's file is not.
    const [slip] = await db
      .insert(remittanceSlips)
      .values({
        companyId: theirs.id,
        slipNumber: `M-${crypto.randomUUID().slice(0, 8)}`,
        settledOn: '2026-01-05',
        periodEndOn: `20${String(Math.floor(Math.random() * 90) + 10)}-03-01`,
        payoutAccountNumber: '86011117947',
        bankReference: '2026010500001',
        caseCount: 0,
        grossOre: 0,
        principalOre: 0,
        netOre: 0,
      })
      .returning({ id: remittanceSlips.id });
    const outboxId = await mail({
      recipient: me.email,
      subject: 'Bilag',
      template: 'settlement_report',
      companyId: theirs.id,
      attachments: [{ kind: 'remittanceSlip', slipId: slip?.id ?? '' }],
    });
    const cookie = await sessionCookieFor(db, me.email, E2E_SECRETS.AUTH_SECRET);
    expect(
      (await fetch(new URL(`/api/dev/mailbox/${outboxId}/attachments/0?locale=nb`, base()), { headers: { Cookie: cookie } })).status,
    ).toBe(404);
  });
});

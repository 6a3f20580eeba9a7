import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, debtors, invoiceAttachments, invoiceDrafts, invoices, users } from '@/db/schema';
import { signIn } from '@/tests/helpers/browser';
import { browserSuite } from '@/tests/helpers/browser-suite';
import { makeCompany, makeUser } from '@/tests/helpers/factories';
import { realPdf, validNationalId } from '@/tests/helpers/invoice-fixtures';
import { fillCustomer, fillInvoice, INVOICE_LABELS, pollCaseList, turnOnBeta, uploadPdf } from '@/tests/helpers/invoice-ui';

const { db, context, page } = browserSuite();

function unique(prefix: string) {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

async function writerOf(options: { locale?: 'nb' | 'en'; role?: 'read' | 'write' | 'admin'; autocollect?: boolean; beta?: boolean } = {}) {
  const company = await makeCompany(db, options.autocollect ? { autocollectEnabled: true } : {});
  const user = await makeUser(db, {
    memberships: [{ companyId: company.id, role: options.role ?? 'write' }],
    locale: options.locale ?? 'nb',
  });
  if (options.beta) await db.update(users).set({ betaEnabled: true }).where(eq(users.id, user.id));
  return { company, user };
}

describe.each(['nb', 'en'] as const)('Registrere manuell faktura (%s)', (locale) => {
  const l = INVOICE_LABELS[locale];

  it('Betaprogram on, + Ny faktura for a new customer, a second one by kundenummer; both cases appear in Saker', async () => {
    const { company, user } = await writerOf({ locale });
    await signIn(page, db, user, locale);
    await expect(page.getByRole('link', { name: l.newInvoice }).count()).resolves.toBe(0);
    await turnOnBeta(page, locale);

    // 1. Gå til Saker  2. Velg + Ny faktura
    await page.getByRole('navigation', { name: l.mainMenu }).getByRole('link', { name: l.cases }).click();
    await page.getByRole('link', { name: l.newInvoice }).click();
    await page.waitForURL(`**/${locale}/cases/new`);
    // 3. The customer, Neste (leaving the kundenummer field looks it up: unknown here).
    const customerNumber = unique('K');
    await page.getByLabel(l.customerNumber).fill(customerNumber);
    await page.getByLabel(l.name, { exact: true }).focus();
    await page.getByRole('status').filter({ hasText: l.notFoundCustomer }).waitFor();
    await fillCustomer(page, locale, { customerNumber, name: 'Kari Nordmann', nationalId: validNationalId() });
    await page.getByRole('button', { name: l.next }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    // 4. The invoice, with its PDF, Registrer.
    const first = unique('F');
    await fillInvoice(page, locale, { invoiceNumber: first, pdf: { name: 'faktura.pdf', buffer: Buffer.from(await realPdf()) } });
    await page.getByRole('button', { name: l.register }).click();
    await page.getByRole('heading', { name: l.registeredTitle }).waitFor();

    // The case appears in Saker once the job has run; the customer is then in the company's register.
    await pollCaseList(page, locale, [first]);
    // A second invoice for the same customer: the kundenummer fills in the rest.
    await page.goto(`/${locale}/cases/new`);
    await page.getByLabel(l.customerNumber).fill(customerNumber);
    await page.getByLabel(l.customerNumber).press('Tab');
    await page.getByRole('status').filter({ hasText: l.found }).waitFor();
    await expect(page.getByLabel(l.name, { exact: true }).inputValue()).resolves.toBe('Kari Nordmann');
    await expect(page.getByLabel(l.city).inputValue()).resolves.toBe('Oslo');
    await page.getByRole('button', { name: l.next }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    const second = unique('F');
    await fillInvoice(page, locale, { invoiceNumber: second, amount: '500' });
    await page.getByRole('button', { name: l.register }).click();
    await page.getByRole('heading', { name: l.registeredTitle }).waitFor();

    const list = await pollCaseList(page, locale, [first, second]);
    expect(list).toContain('Kari Nordmann');
    expect(
      await db
        .select()
        .from(debtors)
        .where(and(eq(debtors.companyId, company.id), eq(debtors.customerNumber, customerNumber))),
    ).toHaveLength(1);
    expect(await db.select().from(cases).where(eq(cases.companyId, company.id))).toHaveLength(2);

    // The PDF is downloadable from the case page by the company's users.
    const [invoice] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.companyId, company.id), eq(invoices.invoiceNumber, first)));
    await page.goto(`/${locale}/cases/${invoice?.caseId}`);
    const link = page.getByRole('link', { name: locale === 'nb' ? 'Last ned faktura.pdf' : 'Download faktura.pdf' });
    const response = await context.request.get((await link.getAttribute('href')) ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses bad input beside each field, keeps what was typed and stores nothing', async () => {
    const { company, user } = await writerOf({ locale, beta: true });
    await signIn(page, db, user, locale);
    await page.goto(`/${locale}/cases/new`);
    const customerNumber = unique('K');
    await fillCustomer(page, locale, { customerNumber, name: 'Ola Feil', nationalId: '15058512345' });
    await page.getByRole('button', { name: l.next }).click();
    await page
      .getByText(
        locale === 'nb' ? 'Fødselsnummeret eller D-nummeret er ikke gyldig' : 'The national identity number or D number is not valid',
      )
      .waitFor();
    await expect(page.getByLabel(l.nationalId).inputValue()).resolves.toBe('15058512345');
    await expect(page.getByLabel(l.name, { exact: true }).inputValue()).resolves.toBe('Ola Feil');

    await page.getByLabel(l.company, { exact: true }).check();
    await page.getByLabel(l.organisationNumber).fill('123456789');
    await page.getByRole('button', { name: l.next }).click();
    await page.getByText(locale === 'nb' ? 'Organisasjonsnummeret er ikke gyldig' : 'The organisation number is not valid').waitFor();
    expect(await db.select().from(invoiceDrafts).where(eq(invoiceDrafts.companyId, company.id))).toHaveLength(0);

    await page.getByLabel(l.organisationNumber).fill('923 609 016');
    await page.getByRole('button', { name: l.next }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);

    const cases_ = [
      {
        amount: '0',
        issuedOn: '2026-10-01',
        dueOn: '2026-10-15',
        message: locale === 'nb' ? 'Beløpet må være større enn 0.' : 'The amount must be greater than 0.',
      },
      {
        amount: '-5',
        issuedOn: '2026-10-01',
        dueOn: '2026-10-15',
        message: locale === 'nb' ? 'Beløpet må være større enn 0.' : 'The amount must be greater than 0.',
      },
      {
        amount: locale === 'nb' ? '12,345' : '12.345',
        issuedOn: '2026-10-01',
        dueOn: '2026-10-15',
        message: locale === 'nb' ? 'Beløpet kan ha høyst to desimaler.' : 'The amount can have at most two decimals.',
      },
      {
        amount: '100',
        issuedOn: '2026-10-15',
        dueOn: '2026-10-01',
        message: locale === 'nb' ? 'Forfallsdatoen kan ikke være før fakturadatoen.' : 'The due date cannot be before the invoice date.',
      },
    ];
    const invoiceNumber = unique('F');
    // Each attempt waits for its own answer (two attempts share a message, and a late answer resets the form).
    const submit = async () => {
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: l.register }).click(),
      ]);
      await page.getByRole('button', { name: l.register, exact: true }).waitFor();
    };
    for (const attempt of cases_) {
      await fillInvoice(page, locale, { invoiceNumber, ...attempt });
      await submit();
      await page.getByText(attempt.message).first().waitFor();
      await expect(page.getByLabel(l.amount, { exact: true }).inputValue()).resolves.toBe(attempt.amount);
      await expect(page.getByLabel(l.invoiceNumber).inputValue()).resolves.toBe(invoiceNumber);
    }
    // A text file renamed to .pdf is judged by its content (the upload route answers back on the step).
    await uploadPdf(page, locale, { name: 'faktura.pdf', buffer: Buffer.from('Dette er ikke en PDF\n') });
    await page
      .getByText(
        locale === 'nb' ? 'Filen er ikke en PDF. Velg fakturaen som PDF-fil.' : 'The file is not a PDF. Choose the invoice as a PDF file.',
      )
      .first()
      .waitFor();
    // A real PDF over 10 MB (padded after its end) reaches the route and is refused with a message.
    const big = Buffer.concat([Buffer.from(await realPdf()), Buffer.alloc(10 * 1024 * 1024 + 1024, 0x20)]);
    await uploadPdf(page, locale, { name: 'stor.pdf', buffer: big });
    await page
      .getByText(locale === 'nb' ? 'Filen er større enn 10 MB.' : 'The file is larger than 10 MB.')
      .first()
      .waitFor();
    const refusedDraft = new URL(page.url()).searchParams.get('draft') ?? '';
    expect(await db.select().from(invoiceAttachments).where(eq(invoiceAttachments.draftId, refusedDraft))).toEqual([]);
    const [draft] = await db.select().from(invoiceDrafts).where(eq(invoiceDrafts.companyId, company.id));
    expect(draft?.status).toBe('customer');
    expect(draft?.invoice).toBeNull();
  });
});

describe('+ Ny faktura: who and what is refused', () => {
  it('lists the user’s own invoices that the job has not registered yet as being registered, and no one else’s', async () => {
    const { company, user } = await writerOf({ beta: true });
    const colleague = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    const mine = unique('F');
    const theirs = unique('F');
    const person = {
      kind: 'person' as const,
      nationalId: validNationalId(),
      organisationNumber: null,
      addressLine: 'Vei 1',
      postcode: '0150',
      city: 'Oslo',
      countryCode: 'NO',
      email: null,
      phone: null,
    };
    // Submitted just now and never queued: the sweep leaves it for a minute, long enough to look at.
    for (const [owner, invoiceNumber, name] of [
      [user.id, mine, 'Ventende Kunde'],
      [colleague.id, theirs, 'Annens Kunde'],
    ] as const) {
      await db.insert(invoiceDrafts).values({
        companyId: company.id,
        userId: owner,
        status: 'submitted',
        submittedAt: new Date(),
        customer: { customerNumber: unique('K'), name, ...person },
        invoice: { invoiceNumber, issuedOn: '2026-10-01', dueOn: '2026-10-15', amountOre: 75_000, currency: 'NOK', description: null },
      });
    }
    await signIn(page, db, user, 'nb');
    const pending = page.getByRole('region', { name: 'Fakturaer som registreres' });
    const text = await pending.innerText();
    expect(text).toContain(mine);
    expect(text).toContain('Ventende Kunde');
    expect(text).toContain('Registreres');
    expect(text).not.toContain(theirs);
  });

  it('shows a refusal by the job in Saker with the reason, and opens the invoice to correct it', async () => {
    const { company, user } = await writerOf({ beta: true });
    const invoiceNumber = unique('F');
    await db.insert(invoiceDrafts).values({
      companyId: company.id,
      userId: user.id,
      status: 'failed',
      customer: {
        customerNumber: 'K-9',
        kind: 'person',
        name: 'Avvist Kunde',
        nationalId: validNationalId(),
        organisationNumber: null,
        addressLine: 'Vei 1',
        postcode: '0150',
        city: 'Oslo',
        countryCode: 'NO',
        email: null,
        phone: null,
      },
      invoice: { invoiceNumber, issuedOn: '2026-10-01', dueOn: '2026-10-15', amountOre: 50_000, currency: 'NOK', description: null },
      failureKey: 'invoices.errors.jobNotAllowed',
      failureData: {},
      submittedAt: new Date(),
    });
    await signIn(page, db, user, 'nb');
    const notice = `Faktura ${invoiceNumber} ble ikke registrert: Du har ikke lenger rollen Skrive eller Administrator i selskapet.`;
    await page.getByText(notice).waitFor();
    await page.getByRole('link', { name: 'Rett opp' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fakturaen ble ikke registrert' }).waitFor();
    await expect(page.getByLabel('Fakturanummer').inputValue()).resolves.toBe(invoiceNumber);
    await expect(page.getByLabel('Beløp', { exact: true }).inputValue()).resolves.toBe('500,00');
  });

  it('refuses a duplicate invoice number, naming the case that has it', async () => {
    const { company, user } = await writerOf({ beta: true });
    const existing = unique('F');
    await signIn(page, db, user, 'nb');
    await page.goto('/nb/cases/new');
    await fillCustomer(page, 'nb', { customerNumber: unique('K'), name: 'Kari Nordmann', nationalId: validNationalId() });
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    await fillInvoice(page, 'nb', { invoiceNumber: existing });
    await page.getByRole('button', { name: 'Registrer' }).click();
    await page.getByRole('heading', { name: 'Faktura er registrert' }).waitFor();
    await pollCaseList(page, 'nb', [existing]);
    const [registered] = await db.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.companyId, company.id));

    await page.goto('/nb/cases/new');
    await fillCustomer(page, 'nb', { customerNumber: unique('K'), name: 'Per Hansen', nationalId: validNationalId(200) });
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    // Step 1 is kept on the server: Tilbake (or a reload) shows it again.
    await page.getByRole('link', { name: 'Tilbake' }).click();
    await page.waitForURL(/step=customer/);
    await page.reload();
    await expect(page.getByLabel('Navn', { exact: true }).inputValue()).resolves.toBe('Per Hansen');
    await expect(page.getByLabel('Poststed').inputValue()).resolves.toBe('Oslo');
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.waitForURL((url) => url.searchParams.has('draft') && !url.searchParams.has('step'));
    await fillInvoice(page, 'nb', { invoiceNumber: existing });
    await page.getByRole('button', { name: 'Registrer' }).click();
    await page.getByText(`Fakturanummeret ${existing} er allerede brukt i sak ${registered?.caseNumber}.`).first().waitFor();
    expect(await db.select().from(cases).where(eq(cases.companyId, company.id))).toHaveLength(1);
  });

  it('asks which company when the user may write to several, and files the invoice there', async () => {
    const one = await makeCompany(db);
    const two = await makeCompany(db);
    const auto = await makeCompany(db, { autocollectEnabled: true });
    const user = await makeUser(db, { memberships: [one, two, auto].map((c) => ({ companyId: c.id, role: 'admin' as const })) });
    await db.update(users).set({ betaEnabled: true }).where(eq(users.id, user.id));
    await signIn(page, db, user, 'nb');
    await page.goto('/nb/cases/new');
    const options = await page.getByLabel('Selskap', { exact: true }).locator('option').allInnerTexts();
    expect(options).toEqual(['Velg selskap', ...[one.name, two.name].sort()]);
    await fillCustomer(page, 'nb', { customerNumber: unique('K'), name: 'Kari Nordmann', nationalId: validNationalId() });
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.getByText('Velg et selskap.').waitFor();
    await page.getByLabel('Selskap', { exact: true }).selectOption({ label: two.name });
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    const draftId = new URL(page.url()).searchParams.get('draft') ?? '';
    const [draft] = await db.select().from(invoiceDrafts).where(eq(invoiceDrafts.id, draftId));
    expect(draft?.companyId).toBe(two.id);
  });

  it('keeps the chosen company and everything typed through refused steps, and files the invoice without choosing again', async () => {
    const one = await makeCompany(db);
    const two = await makeCompany(db);
    const user = await makeUser(db, { memberships: [one, two].map((c) => ({ companyId: c.id, role: 'write' as const })) });
    await db.update(users).set({ betaEnabled: true }).where(eq(users.id, user.id));
    await signIn(page, db, user, 'nb');
    await page.goto('/nb/cases/new');
    const company = page.getByLabel('Selskap', { exact: true });
    await company.selectOption({ label: two.name });
    await page.getByLabel('Land').selectOption({ label: 'Sverige' });
    const customerNumber = unique('K');
    await fillCustomer(page, 'nb', { customerNumber, name: 'Kari Feilskriving', nationalId: '15058512345' });
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.getByText('Fødselsnummeret eller D-nummeret er ikke gyldig').waitFor();
    await expect(company.inputValue()).resolves.toBe(two.id);
    await expect(page.getByLabel('Land').inputValue()).resolves.toBe('SE');
    await expect(page.getByLabel('Kundenummer').inputValue()).resolves.toBe(customerNumber);

    // A second refusal (now as a company with a bad organisation number) keeps it too.
    await page.getByLabel('Bedrift', { exact: true }).check();
    await page.getByLabel('Organisasjonsnummer').fill('123456789');
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.getByText('Organisasjonsnummeret er ikke gyldig').waitFor();
    await expect(company.inputValue()).resolves.toBe(two.id);
    await expect(page.getByLabel('Bedrift', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Land').inputValue()).resolves.toBe('SE');

    await page.getByLabel('Organisasjonsnummer').fill('923 609 016');
    await page.getByRole('button', { name: 'Neste' }).click();
    await page.waitForURL(/\/cases\/new\?draft=/);
    const [draft] = await db
      .select()
      .from(invoiceDrafts)
      .where(eq(invoiceDrafts.id, new URL(page.url()).searchParams.get('draft') ?? ''));
    expect(draft?.companyId).toBe(two.id);
    expect(draft?.customer).toMatchObject({ customerNumber, kind: 'company', organisationNumber: '923609016', countryCode: 'SE' });

    // Step 2 keeps its currency through a refusal the same way.
    await page.getByLabel('Valuta').selectOption('EUR');
    await fillInvoice(page, 'nb', { invoiceNumber: unique('F'), amount: '0' });
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Registrer' }).click(),
    ]);
    await page.getByText('Beløpet må være større enn 0.').first().waitFor();
    await expect(page.getByLabel('Valuta').inputValue()).resolves.toBe('EUR');
  });

  it('shows the button disabled with the reason for an AutoCollect company, and the wizard refuses', async () => {
    const { user } = await writerOf({ autocollect: true, beta: true });
    await signIn(page, db, user, 'nb');
    const button = page.getByRole('button', { name: '+ Ny faktura' });
    await expect(button.isDisabled()).resolves.toBe(true);
    await page.getByText('Selskapet bruker AutoCollect. Da sender du fakturaer fra økonomisystemet ditt, ikke her.').first().waitFor();
    await page.goto('/nb/cases/new');
    await page.getByText('Selskapet bruker AutoCollect. Da sender du fakturaer fra økonomisystemet ditt, ikke her.').waitFor();
    await expect(page.getByLabel('Kundenummer').count()).resolves.toBe(0);
  });

  it('gives a Lese user no button and no wizard; says the feature needs Betaprogram without it', async () => {
    const { user } = await writerOf({ role: 'read', beta: true });
    await signIn(page, db, user, 'nb');
    await expect(page.getByRole('link', { name: '+ Ny faktura' }).count()).resolves.toBe(0);
    await page.goto('/nb/cases/new');
    await page.getByText('Du trenger rollen Skrive eller Administrator i et selskap for å registrere fakturaer.').waitFor();
    await db.update(users).set({ betaEnabled: false }).where(eq(users.id, user.id));
    await page.goto('/nb/cases/new');
    await page.getByText('Manuell fakturaregistrering er en betafunksjon.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Gå til Betaprogram' }).click();
    await page.waitForURL('**/nb/settings/beta');
  });

  it("treats another user's draft as not found", async () => {
    const { company, user } = await writerOf({ beta: true });
    const other = await makeUser(db, { memberships: [{ companyId: company.id, role: 'write' }] });
    const [draft] = await db
      .insert(invoiceDrafts)
      .values({
        companyId: company.id,
        userId: other.id,
        customer: {
          customerNumber: 'K-1',
          kind: 'person',
          name: 'Skjult Kunde',
          nationalId: validNationalId(),
          organisationNumber: null,
          addressLine: 'Vei 1',
          postcode: '0150',
          city: 'Oslo',
          countryCode: 'NO',
          email: null,
          phone: null,
        },
      })
      .returning({ id: invoiceDrafts.id });
    await signIn(page, db, user, 'nb');
    const response = await page.goto(`/nb/cases/new?draft=${draft?.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('body').innerText()).not.toContain('Skjult Kunde');
  });
});

import type { Page } from 'playwright-core';
import { waitFor } from './wait';

export type Locale = 'nb' | 'en';

/** The wizard's labels (shared/spec/ui-contract.md and the help article "Registrere manuell faktura"). */
export const INVOICE_LABELS = {
  nb: {
    cases: 'Saker',
    mainMenu: 'Hovedmeny',
    settings: 'Innstillinger',
    beta: 'Betaprogram',
    switch: 'Manuell fakturaregistrering',
    save: 'Lagre',
    savedOn: 'Betaprogrammet er slått på.',
    newInvoice: '+ Ny faktura',
    customerNumber: 'Kundenummer',
    fetch: 'Hent',
    name: 'Navn',
    person: 'Person',
    company: 'Bedrift',
    nationalId: 'Fødselsnummer eller D-nummer',
    organisationNumber: 'Organisasjonsnummer',
    address: 'Adresse',
    postcode: 'Postnummer',
    city: 'Poststed',
    email: 'E-post (valgfritt)',
    next: 'Neste',
    invoiceNumber: 'Fakturanummer',
    issuedOn: 'Fakturadato',
    dueOn: 'Forfallsdato',
    amount: 'Beløp',
    attachment: 'Faktura som PDF (valgfritt)',
    upload: 'Last opp PDF',
    uploaded: 'PDF-en er lastet opp og følger fakturaen når du registrerer.',
    register: 'Registrer',
    registeredTitle: 'Faktura er registrert',
    notFoundCustomer: 'Fant ingen kunde med dette kundenummeret. Fyll inn feltene.',
    found: 'Kunden finnes fra før, og feltene er fylt ut. Du kan endre dem.',
    amountText: '1 234,50',
  },
  en: {
    cases: 'Cases',
    mainMenu: 'Main menu',
    settings: 'Settings',
    beta: 'Beta programme',
    switch: 'Manual invoice registration',
    save: 'Save',
    savedOn: 'The beta programme is on.',
    newInvoice: '+ New invoice',
    customerNumber: 'Customer number',
    fetch: 'Fetch',
    name: 'Name',
    person: 'Person',
    company: 'Company',
    nationalId: 'National identity number or D number',
    organisationNumber: 'Organisation number',
    address: 'Address',
    postcode: 'Postcode',
    city: 'City',
    email: 'Email (optional)',
    next: 'Next',
    invoiceNumber: 'Invoice number',
    issuedOn: 'Invoice date',
    dueOn: 'Due date',
    amount: 'Amount',
    attachment: 'Invoice as PDF (optional)',
    upload: 'Upload PDF',
    uploaded: 'The PDF is uploaded and goes with the invoice when you register it.',
    register: 'Register',
    registeredTitle: 'The invoice is registered',
    notFoundCustomer: 'No customer has this customer number. Fill in the fields.',
    found: 'The customer exists and the fields are filled in. You can change them.',
    amountText: '1,234.50',
  },
} as const;

/** "Gå til navnet ditt i høyre hjørne – Innstillinger – Betaprogram", then the switch and Lagre. */
export async function turnOnBeta(page: Page, locale: Locale) {
  const l = INVOICE_LABELS[locale];
  await page.locator('header summary').click();
  await page.getByRole('link', { name: l.settings }).click();
  await page.waitForURL(`**/${locale}/settings/profile`);
  await page.getByRole('navigation', { name: l.settings }).getByRole('link', { name: l.beta }).click();
  await page.waitForURL(`**/${locale}/settings/beta`);
  await page.getByRole('switch', { name: l.switch }).check();
  await page.getByRole('button', { name: l.save }).click();
  await page.getByRole('status').filter({ hasText: l.savedOn }).waitFor();
}

export type CustomerInput = { customerNumber: string; name: string; nationalId?: string; organisationNumber?: string };

export async function fillCustomer(page: Page, locale: Locale, c: CustomerInput) {
  const l = INVOICE_LABELS[locale];
  await page.getByLabel(l.customerNumber).fill(c.customerNumber);
  if (c.organisationNumber) {
    await page.getByLabel(l.company, { exact: true }).check();
    await page.getByLabel(l.organisationNumber).fill(c.organisationNumber);
  } else {
    await page.getByLabel(l.person, { exact: true }).check();
    await page.getByLabel(l.nationalId).fill(c.nationalId ?? '');
  }
  await page.getByLabel(l.name, { exact: true }).fill(c.name);
  await page.getByLabel(l.address).fill('Storgata 1');
  await page.getByLabel(l.postcode).fill('0150');
  await page.getByLabel(l.city).fill('Oslo');
  await page.getByLabel(l.email).fill('kunde@example.com');
}

export type InvoiceInput = {
  invoiceNumber: string;
  issuedOn?: string;
  dueOn?: string;
  amount?: string;
  pdf?: { name: string; buffer: Buffer };
};

/** Last opp PDF: the upload form posts to its route and the page comes back with the outcome (any message). */
export async function uploadPdf(page: Page, locale: Locale, pdf: { name: string; buffer: Buffer }) {
  const l = INVOICE_LABELS[locale];
  await page.getByLabel(l.attachment).setInputFiles({ name: pdf.name, mimeType: 'application/pdf', buffer: pdf.buffer });
  await Promise.all([page.waitForURL(/[?&]upload=/), page.getByRole('button', { name: l.upload }).click()]);
}

/** Step 2: the PDF first, when there is one (its upload reloads the page), then the invoice's fields. */
export async function fillInvoice(page: Page, locale: Locale, i: InvoiceInput) {
  const l = INVOICE_LABELS[locale];
  if (i.pdf) await uploadPdf(page, locale, i.pdf);
  await page.getByLabel(l.invoiceNumber).fill(i.invoiceNumber);
  await page.getByLabel(l.issuedOn).fill(i.issuedOn ?? '2026-10-01');
  await page.getByLabel(l.dueOn).fill(i.dueOn ?? '2026-10-15');
  await page.getByLabel(l.amount, { exact: true }).fill(i.amount ?? l.amountText);
}

/** Reloads Saker until every text is in the list (the job runs in the background); no fixed sleep. */
export async function pollCaseList(page: Page, locale: Locale, texts: string[], timeoutMs = 45_000) {
  let table = '';
  await waitFor(
    async () => {
      await page.goto(`/${locale}/cases`);
      // The case table (captioned Saker / Cases), not the "being registered" one above it.
      const caseTable = page.getByRole('table', { name: INVOICE_LABELS[locale].cases, exact: true });
      table = (await caseTable.count()) > 0 ? await caseTable.innerText() : '';
      return texts.every((text) => table.includes(text));
    },
    { timeoutMs, what: `the case list to show ${texts.join(', ')}` },
  );
  return table;
}

import { describe, expect, it } from 'vitest';
import { checkPdf, chosenFile, MAX_PDF_BYTES } from '@/lib/invoices/pdf';
import { parseCustomerForm, parseInvoiceForm } from '@/lib/invoices/schemas';
import { badNationalId, realPdf, validNationalId } from '@/tests/helpers/invoice-fixtures';

const COMPANY = '5eed0000-0000-4000-8000-000000000001';
const DRAFT = '5eed0000-0000-4000-8000-0000000000aa';

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const person = {
  companyId: COMPANY,
  customerNumber: 'K-1',
  kind: 'person',
  name: 'Kari',
  nationalId: validNationalId(),
  addressLine: 'Storgata 1',
  postcode: '0150',
  city: 'Oslo',
  countryCode: 'NO',
};
const bill = { draftId: DRAFT, invoiceNumber: 'F-1', issuedOn: '2026-10-01', dueOn: '2026-10-15', amount: '1 234,50', currency: 'NOK' };

describe('step 1, the customer', () => {
  it('accepts a person with a valid fødselsnummer and normalises the mobile number', () => {
    const parsed = parseCustomerForm(form({ ...person, phone: '912 34 567', email: 'kari@example.com' }));
    expect(parsed.success && parsed.data.customer).toMatchObject({
      nationalId: person.nationalId,
      organisationNumber: null,
      phone: '+4791234567',
    });
  });

  it.each([
    [{ nationalId: badNationalId() }, 'nationalId', 'invoices.errors.nationalId'],
    [{ nationalId: '' }, 'nationalId', 'validation.required'],
    [{ kind: 'company', organisationNumber: '123456789' }, 'organisationNumber', 'invoices.errors.organisationNumber'],
    [{ postcode: '150' }, 'postcode', 'invoices.errors.postcode'],
    [{ email: 'kari@' }, 'email', 'invoices.errors.email'],
    [{ phone: '12345' }, 'phone', 'invoices.errors.phone'],
    [{ name: '' }, 'name', 'validation.required'],
    [{ companyId: 'nope' }, 'companyId', 'invoices.errors.companyRequired'],
  ])('refuses %j with a message beside %s', (change, field, key) => {
    const parsed = parseCustomerForm(form({ ...person, ...change }));
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.fieldErrors[field]).toBe(key);
  });

  it('accepts a company with a valid organisation number, ignoring a stale national id field', () => {
    const parsed = parseCustomerForm(form({ ...person, kind: 'company', nationalId: 'junk', organisationNumber: '923 609 016' }));
    expect(parsed.success && parsed.data.customer).toMatchObject({ kind: 'company', organisationNumber: '923609016', nationalId: null });
  });
});

describe('step 2, the invoice', () => {
  it('parses the amount the page’s way into øre', () => {
    const nb = parseInvoiceForm(form(bill), 'nb');
    const en = parseInvoiceForm(form({ ...bill, amount: '1,234.50' }), 'en');
    expect(nb.success && nb.data.invoice.amountOre).toBe(123_450);
    expect(en.success && en.data.invoice.amountOre).toBe(123_450);
  });

  it.each([
    [{ amount: '0' }, 'amount', 'payments.errors.amountPositive'],
    [{ amount: '-5' }, 'amount', 'payments.errors.amountPositive'],
    [{ amount: '12,345' }, 'amount', 'payments.errors.amountDecimals'],
    [{ dueOn: '2026-09-30' }, 'dueOn', 'invoices.errors.dueBeforeIssued'],
    [{ issuedOn: '2026-02-30' }, 'issuedOn', 'invoices.errors.date'],
    [{ currency: 'XYZ' }, 'currency', 'invoices.errors.currency'],
    [{ invoiceNumber: '' }, 'invoiceNumber', 'validation.required'],
  ])('refuses %j beside %s', (change, field, key) => {
    const parsed = parseInvoiceForm(form({ ...bill, ...change }), 'nb');
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.fieldErrors[field]).toBe(key);
  });

  it('reports the amount and the dates together', () => {
    const parsed = parseInvoiceForm(form({ ...bill, amount: '0', dueOn: '2026-09-01' }), 'nb');
    expect(!parsed.success && parsed.fieldErrors).toEqual({
      amount: 'payments.errors.amountPositive',
      dueOn: 'invoices.errors.dueBeforeIssued',
    });
  });
});

describe('the PDF check', () => {
  it('accepts a real PDF and cleans its name', async () => {
    const result = await checkPdf(new File([Buffer.from(await realPdf())], '../../etc/"faktura 1".pdf'));
    expect(result).toMatchObject({ ok: true, fileName: '_faktura 1_.pdf' });
  });

  it('refuses a text file renamed to .pdf, and a file that only starts like a PDF', async () => {
    await expect(checkPdf(new File(['Dette er tekst'], 'faktura.pdf', { type: 'application/pdf' }))).resolves.toEqual({
      ok: false,
      messageKey: 'invoices.errors.pdfInvalid',
    });
    await expect(checkPdf(new File(['%PDF-1.7\nnot really'], 'faktura.pdf'))).resolves.toEqual({
      ok: false,
      messageKey: 'invoices.errors.pdfInvalid',
    });
  });

  it('refuses a file over 10 MB before reading it', async () => {
    const big = new File([new Uint8Array(MAX_PDF_BYTES + 1)], 'stor.pdf');
    await expect(checkPdf(big)).resolves.toEqual({ ok: false, messageKey: 'invoices.errors.pdfTooLarge' });
  });

  it('treats an empty file input as no attachment', () => {
    expect(chosenFile(new File([], ''))).toBeNull();
    expect(chosenFile(new File([], 'blob'))).toBeNull();
    expect(chosenFile('text')).toBeNull();
  });
});

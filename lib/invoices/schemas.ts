import { z } from 'zod';
import type { DraftCustomer, DraftInvoice } from '@/db/schema/invoice-drafts';
import { isIsoDate } from '@/lib/dates';
import { isValidNationalId, isValidOrganisationNumber, normaliseNorwegianMobile } from '@/lib/norwegian-ids';
import type { MoneyLocale } from '@/lib/money';
import { parseAmountInput } from '@/lib/payments/amount';

export const INVOICE_CURRENCIES = ['NOK', 'SEK', 'DKK', 'EUR', 'USD', 'GBP'] as const;
export const DEBTOR_COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'IS', 'DE', 'GB', 'US'] as const;
export const CUSTOMER_FIELDS = [
  'customerNumber',
  'kind',
  'name',
  'nationalId',
  'organisationNumber',
  'addressLine',
  'postcode',
  'city',
  'countryCode',
  'email',
  'phone',
] as const;

const digitsOnly = (value: string) => value.replace(/[\s.]/g, '');
const text = (max: number) => z.string('validation.required').trim().min(1, 'validation.required').max(max, 'invoices.errors.tooLong');

// International numbers are kept as typed in E.164 form; Norwegian mobiles are normalised to +47XXXXXXXX.
function normalisePhone(value: string): string | null {
  const norwegian = normaliseNorwegianMobile(value);
  if (norwegian) return norwegian;
  const compact = value.replace(/[\s-]/g, '');
  return /^\+(?!47)[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

/**
 * The customer as stored on the draft, with every rule: the wizard's step 1 and the registration job (which
 * validates again) both parse through it, so the two can never disagree.
 */
export const draftCustomerSchema = z
  .object({
    customerNumber: text(40).regex(/^[\p{L}\p{N}._/-]+$/u, 'invoices.errors.customerNumberFormat'),
    kind: z.enum(['person', 'company'], 'invoices.errors.kindRequired'),
    name: text(200),
    nationalId: z.string().nullable(),
    organisationNumber: z.string().nullable(),
    addressLine: text(200),
    postcode: z.string('validation.required').trim().min(1, 'validation.required'),
    city: text(100),
    countryCode: z.enum(DEBTOR_COUNTRIES, 'invoices.errors.country'),
    email: z.email('invoices.errors.email').max(254, 'invoices.errors.email').nullable(),
    phone: z.string().nullable(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: keyof DraftCustomer, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.kind === 'person') {
      if (!c.nationalId) issue('nationalId', 'validation.required');
      else if (!isValidNationalId(c.nationalId)) issue('nationalId', 'invoices.errors.nationalId');
    } else {
      if (!c.organisationNumber) issue('organisationNumber', 'validation.required');
      else if (!isValidOrganisationNumber(c.organisationNumber)) issue('organisationNumber', 'invoices.errors.organisationNumber');
    }
    if (c.countryCode === 'NO' ? !/^\d{4}$/.test(c.postcode) : !/^[A-Z0-9 -]{2,10}$/i.test(c.postcode)) {
      issue('postcode', 'invoices.errors.postcode');
    }
    if (c.phone !== null && normalisePhone(c.phone) === null) issue('phone', 'invoices.errors.phone');
  })
  .transform((c): DraftCustomer => ({
    ...c,
    nationalId: c.kind === 'person' ? digitsOnly(c.nationalId ?? '') : null,
    organisationNumber: c.kind === 'company' ? digitsOnly(c.organisationNumber ?? '') : null,
    phone: c.phone === null ? null : normalisePhone(c.phone),
  }));

export type FormParse<T> = { success: true; data: T } | { success: false; fieldErrors: Record<string, string> };

function field(raw: FormData, name: string): string | null {
  const value = raw.get(name);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Issue paths are nested (`customer.name`); the form's field is the last part. */
function fieldErrorsOf(error: z.ZodError, rename: Record<string, string> = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const last = String(issue.path[issue.path.length - 1] ?? 'form');
    errors[rename[last] ?? last] ??= /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : 'validation.invalid';
  }
  return errors;
}

const customerEnvelope = z.object({
  companyId: z.uuid('invoices.errors.companyRequired'),
  draftId: z.uuid('invoices.errors.draftNotFound').nullable(),
  customer: draftCustomerSchema,
});
export type CustomerFormInput = z.output<typeof customerEnvelope>;

/** Step 1 as posted: the chosen company, the draft being edited (if any) and the customer fields. */
export function parseCustomerForm(formData: FormData): FormParse<CustomerFormInput> {
  const kind = field(formData, 'kind');
  const parsed = customerEnvelope.safeParse({
    companyId: field(formData, 'companyId') ?? '',
    draftId: field(formData, 'draftId'),
    customer: {
      customerNumber: field(formData, 'customerNumber') ?? '',
      kind: kind ?? '',
      name: field(formData, 'name') ?? '',
      // Only the number that fits the kind counts; the other field may still hold what was typed before.
      nationalId: kind === 'person' ? field(formData, 'nationalId') : null,
      organisationNumber: kind === 'company' ? field(formData, 'organisationNumber') : null,
      addressLine: field(formData, 'addressLine') ?? '',
      postcode: field(formData, 'postcode') ?? '',
      city: field(formData, 'city') ?? '',
      countryCode: field(formData, 'countryCode') ?? 'NO',
      email: field(formData, 'email'),
      phone: field(formData, 'phone'),
    },
  });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

/** The invoice as stored on the draft, with every rule (step 2 and the job). */
export const draftInvoiceSchema = z
  .object({
    invoiceNumber: text(40).regex(/^[\p{L}\p{N}._/-]+$/u, 'invoices.errors.invoiceNumberFormat'),
    issuedOn: z.string('validation.required').refine(isIsoDate, 'invoices.errors.date'),
    dueOn: z.string('validation.required').refine(isIsoDate, 'invoices.errors.date'),
    amountOre: z.number().int().positive('payments.errors.amountPositive').max(Number.MAX_SAFE_INTEGER),
    currency: z.enum(INVOICE_CURRENCIES, 'invoices.errors.currency'),
    description: z.string().trim().max(500, 'invoices.errors.tooLong').nullable(),
  })
  .refine((i) => !isIsoDate(i.issuedOn) || !isIsoDate(i.dueOn) || i.dueOn >= i.issuedOn, {
    path: ['dueOn'],
    message: 'invoices.errors.dueBeforeIssued',
  })
  .transform((i): DraftInvoice => ({ ...i, description: i.description || null }));

const invoiceEnvelope = z.object({ draftId: z.uuid('invoices.errors.draftNotFound'), invoice: draftInvoiceSchema });
export type InvoiceFormInput = z.output<typeof invoiceEnvelope>;

/** Step 2 as posted; the amount is typed the page's way ('1 234,50' in nb, '1,234.50' in en). All errors at once. */
export function parseInvoiceForm(formData: FormData, locale: MoneyLocale): FormParse<InvoiceFormInput> {
  const amount = parseAmountInput((field(formData, 'amount') ?? '').slice(0, 40), locale);
  const parsed = invoiceEnvelope.safeParse({
    draftId: field(formData, 'draftId') ?? '',
    invoice: {
      invoiceNumber: field(formData, 'invoiceNumber') ?? '',
      issuedOn: field(formData, 'issuedOn') ?? '',
      dueOn: field(formData, 'dueOn') ?? '',
      amountOre: amount.ok ? amount.ore : 1,
      currency: field(formData, 'currency') ?? 'NOK',
      description: field(formData, 'description'),
    },
  });
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error, { amountOre: 'amount' });
  if (!amount.ok) fieldErrors.amount = amount.messageKey;
  if (parsed.success && amount.ok) return { success: true, data: parsed.data };
  return { success: false, fieldErrors };
}

/** Only what "Hent" needs: the company and the customer number. */
export const lookupSchema = z.object({
  companyId: z.uuid('invoices.errors.companyRequired'),
  customerNumber: z.string('validation.required').trim().min(1, 'validation.required').max(40, 'invoices.errors.tooLong'),
});

/** Betaprogram: one switch today (manual invoice registration); a checkbox posts 'on' or nothing. */
export const betaSchema = z
  .object({ manualInvoice: z.literal('on').optional() })
  .transform((v) => ({ betaEnabled: v.manualInvoice === 'on' }));

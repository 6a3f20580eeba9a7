import { z } from 'zod';
import { isIsoDate } from '@/lib/dates';
import { CASE_STAGES, CASE_STATUSES } from '@/lib/cases/status-rules';
import { DEBTOR_COUNTRIES, INVOICE_CURRENCIES } from '@/lib/invoices/schemas';
import { MAX_AMOUNT_ORE } from '@/lib/payments/amount';

/**
 * The /api/v1 contract: request and response schemas, in English. The handlers parse with the request schemas
 * (then the manual wizard's own rules run on top), and lib/integrations/api/openapi.ts turns all of them into the OpenAPI
 * document, so the document and the code cannot drift apart.
 */

const isoDate = z.string().refine(isIsoDate, 'Expected a date as YYYY-MM-DD.').meta({ format: 'date', example: '2026-11-15' });
const ore = z.number().int().meta({ description: 'An amount in øre (1 NOK = 100 øre).' });
/** What a request may book: positive, and at most 100 000 000 kr, the portal's own bound. */
const amountOre = ore.positive().max(MAX_AMOUNT_ORE, `At most ${MAX_AMOUNT_ORE} øre (100 000 000 NOK).`);

export const apiCustomerSchema = z
  .object({
    customerNumber: z.string().meta({ description: 'The customer number in the accounting system; the debtor register is per company.' }),
    kind: z.enum(['person', 'company']),
    name: z.string(),
    nationalId: z.string().nullable().optional().meta({ description: 'Fødselsnummer (11 digits), required for a person.' }),
    organisationNumber: z.string().nullable().optional().meta({ description: 'Organisasjonsnummer (9 digits), required for a company.' }),
    addressLine: z.string(),
    postcode: z.string(),
    city: z.string(),
    countryCode: z.enum(DEBTOR_COUNTRIES).default('NO'),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
  })
  .meta({ id: 'Customer' });

export const apiInvoiceSchema = z
  .object({
    invoiceNumber: z.string().meta({ description: 'Unique per company: the key that makes POST /invoices idempotent.' }),
    issuedOn: isoDate,
    dueOn: isoDate,
    amountOre,
    currency: z.enum(INVOICE_CURRENCIES).default('NOK'),
    description: z.string().nullable().optional(),
  })
  .meta({ id: 'Invoice' });

export const createInvoiceRequest = z
  .object({ customer: apiCustomerSchema, invoice: apiInvoiceSchema })
  .meta({ id: 'CreateInvoiceRequest' });

export const paymentRequest = z
  .object({
    invoiceNumber: z.string().min(1).max(40),
    amountOre,
    paidOn: isoDate.meta({ description: 'When the debtor paid the creditor directly (not in the future).' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .meta({ description: "Defaults to the case's currency." }),
  })
  .meta({ id: 'PaymentRequest' });

export const creditNoteRequest = z
  .object({
    invoiceNumber: z.string().min(1).max(40),
    amountOre,
    creditedOn: isoDate,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .meta({ id: 'CreditNoteRequest' });

export const withdrawRequest = z.object({ reason: z.string().trim().min(1).max(500) }).meta({ id: 'WithdrawRequest' });
export const emptyRequest = z.object({}).meta({ id: 'EmptyRequest' });

export const caseSummary = z
  .object({
    caseNumber: z.number().int(),
    status: z.enum(CASE_STATUSES),
    stage: z.enum(CASE_STAGES),
    currency: z.string(),
    invoiceNumber: z.string().nullable(),
    customerNumber: z.string(),
    debtorName: z.string(),
    originalAmountOre: ore,
    balanceOre: ore.meta({ description: 'What the debtor owes now (negative: a credit).' }),
    kid: z.string(),
    registeredAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CaseSummary' });

export const historyEntry = z
  .object({
    type: z.string().meta({ example: 'payment.registered' }),
    occurredAt: z.iso.datetime(),
    actor: z.string().nullable().meta({ description: 'A user, "AutoCollect (key name)", or null for the agency.' }),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'HistoryEntry' });

export const caseDetail = caseSummary.extend({ history: z.array(historyEntry) }).meta({ id: 'CaseDetail' });

export const casePage = z
  .object({
    data: z.array(caseSummary),
    nextCursor: z.string().nullable().meta({ description: 'Pass as ?cursor= for the next page; null at the end.' }),
  })
  .meta({ id: 'CasePage' });

export const casesQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  updatedSince: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const paymentResult = z
  .object({ caseNumber: z.number().int(), status: z.enum(CASE_STATUSES), balanceOre: ore, caseClosed: z.boolean() })
  .meta({ id: 'PaymentResult' });

export const settlementLine = z
  .object({
    caseNumber: z.number().int(),
    invoiceNumber: z.string(),
    customerNumber: z.string(),
    debtorName: z.string(),
    principalOre: ore,
    interestOre: ore,
    agencyFeeOre: ore,
    vatOre: ore,
    netOre: ore,
    isDirectPayment: z.boolean().meta({ description: 'Paid to the creditor directly: listed for information, not paid out.' }),
  })
  .meta({ id: 'SettlementLine' });

export const settlement = z
  .object({
    slipNumber: z.string(),
    settledOn: isoDate,
    periodEndOn: isoDate,
    bankReference: z.string(),
    payoutAccountNumber: z.string(),
    grossOre: ore,
    principalOre: ore,
    interestOre: ore,
    agencyFeeOre: ore,
    vatOre: ore,
    netOre: ore,
    directPaymentsOre: ore,
    carriedInOre: ore.meta({ description: 'What the previous slip could not pay out (≤ 0), set against this one.' }),
    carriedOutOre: ore.meta({
      description:
        'What this slip could not pay out (≤ 0: its lines came to less than zero), carried to the next slip. netOre = the lines’ net + carriedInOre − carriedOutOre, never below zero.',
    }),
    lines: z.array(settlementLine),
  })
  .meta({ id: 'Settlement' });

export const settlementsQuery = z.object({ since: isoDate.optional() });
export const settlementList = z.object({ data: z.array(settlement) }).meta({ id: 'SettlementList' });

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export type CaseSummary = z.infer<typeof caseSummary>;
export type CaseDetail = z.infer<typeof caseDetail>;

import { z, type ZodObject, type ZodType } from 'zod';
import * as contract from './contract';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas in contract.ts (zod's own JSON Schema
 * output, draft 2020-12, which is OpenAPI 3.1's dialect). Requests are described as sent (defaults optional),
 * responses as answered.
 */

// Every schema with an id, nested ones too (Customer, Invoice, …): each becomes one component, referenced by $ref.
const REQUESTS = {
  Customer: contract.apiCustomerSchema,
  Invoice: contract.apiInvoiceSchema,
  CreateInvoiceRequest: contract.createInvoiceRequest,
  PaymentRequest: contract.paymentRequest,
  CreditNoteRequest: contract.creditNoteRequest,
  WithdrawRequest: contract.withdrawRequest,
  EmptyRequest: contract.emptyRequest,
};
const RESPONSES = {
  HistoryEntry: contract.historyEntry,
  SettlementLine: contract.settlementLine,
  Settlement: contract.settlement,
  CaseSummary: contract.caseSummary,
  CaseDetail: contract.caseDetail,
  CasePage: contract.casePage,
  PaymentResult: contract.paymentResult,
  SettlementList: contract.settlementList,
  Problem: contract.problem,
};

function components(schemas: Record<string, ZodType>, io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      // Components are plain schemas inside the document: no $id / $schema of their own.
      const rest = { ...(schema as Record<string, unknown>) };
      delete rest.$id;
      delete rest.$schema;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (id: string) => ({ required: true, content: { 'application/json': { schema: ref(id) } } });
const answer = (description: string, id: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const COMMON_ERRORS = {
  '401': problem('Missing, malformed, unknown or revoked API key.'),
  '403': problem('The company is not connected to AutoCollect.'),
  '429': {
    ...problem('Too many requests for this key; see Retry-After.'),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  },
  '503': {
    ...problem('The database is briefly unreachable; nothing was written. Retry after Retry-After.'),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  },
};
const WRITE_ERRORS = {
  '400': problem('The body is not JSON, or the Idempotency-Key header is missing or invalid.'),
  '422': problem('Validation errors (with field paths) or a business refusal.'),
};

const idempotencyHeader = (required: boolean) => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  description: 'A replay with the same key and body returns the first answer; the same key with another body is 409.',
  schema: { type: 'string', maxLength: 200 },
});
const caseNumberParam = { name: 'caseNumber', in: 'path', required: true, schema: { type: 'integer' } };

function queryParameters(schema: ZodObject) {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}

function caseAction(action: 'pause' | 'resume' | 'withdraw', summary: string) {
  return {
    post: {
      operationId: `${action}Case`,
      summary,
      tags: ['Cases'],
      parameters: [caseNumberParam, idempotencyHeader(false)],
      requestBody: jsonBody(action === 'withdraw' ? 'WithdrawRequest' : 'EmptyRequest'),
      responses: {
        '200': answer('The case after the change.', 'CaseSummary'),
        '404': problem('No such case in the company.'),
        '409': problem('The case’s status does not allow this.'),
        ...WRITE_ERRORS,
        ...COMMON_ERRORS,
      },
    },
  };
}

export function buildOpenApiDocument(serverUrl = '/') {
  return {
    openapi: '3.1.0',
    info: {
      title: 'AutoCollect API',
      version: '1.0.0',
      description:
        'The connection an accounting system uses to hand overdue invoices to collection, report direct payments and credit notes, manage cases and fetch settlements. All amounts are integers in øre. Errors are RFC 9457 problem details.',
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    tags: [{ name: 'Invoices' }, { name: 'Payments' }, { name: 'Cases' }, { name: 'Settlements' }],
    paths: {
      '/api/v1/invoices': {
        post: {
          operationId: 'createInvoice',
          summary: 'Hand an overdue invoice to collection',
          description: 'Idempotent on (company, invoice number): the same invoice again answers 200 with its case and creates nothing.',
          tags: ['Invoices'],
          requestBody: jsonBody('CreateInvoiceRequest'),
          responses: {
            '201': answer('The new case.', 'CaseSummary'),
            '200': answer('The invoice number was already registered: its case.', 'CaseSummary'),
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/payments': {
        post: {
          operationId: 'registerPayment',
          summary: 'Report a payment the debtor made to the creditor directly',
          tags: ['Payments'],
          parameters: [idempotencyHeader(true)],
          requestBody: jsonBody('PaymentRequest'),
          responses: {
            '201': answer('Booked (or the first answer, replayed).', 'PaymentResult'),
            '404': problem('No invoice with that number.'),
            '409': problem('The Idempotency-Key was used with another body.'),
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/credit-notes': {
        post: {
          operationId: 'registerCreditNote',
          summary: 'Report a credit note on an invoice',
          tags: ['Payments'],
          parameters: [idempotencyHeader(true)],
          requestBody: jsonBody('CreditNoteRequest'),
          responses: {
            '201': answer('Booked (or the first answer, replayed).', 'PaymentResult'),
            '404': problem('No invoice with that number.'),
            '409': problem('The Idempotency-Key was used with another body.'),
            ...WRITE_ERRORS,
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/cases': {
        get: {
          operationId: 'listCases',
          summary: 'The company’s cases by case number, a page at a time',
          description:
            'Cursor pagination in case-number order: cases added while paging appear after the cursor, so a walk has no gaps or duplicates.',
          tags: ['Cases'],
          parameters: queryParameters(contract.casesQuery),
          responses: { '200': answer('A page of cases.', 'CasePage'), '422': problem('An invalid filter or cursor.'), ...COMMON_ERRORS },
        },
      },
      '/api/v1/cases/{caseNumber}': {
        get: {
          operationId: 'getCase',
          summary: 'A case with its history',
          tags: ['Cases'],
          parameters: [caseNumberParam],
          responses: { '200': answer('The case.', 'CaseDetail'), '404': problem('No such case in the company.'), ...COMMON_ERRORS },
        },
      },
      '/api/v1/cases/{caseNumber}/pause': caseAction('pause', 'Pause a case'),
      '/api/v1/cases/{caseNumber}/resume': caseAction('resume', 'Resume a paused case'),
      '/api/v1/cases/{caseNumber}/withdraw': caseAction('withdraw', 'Withdraw a case'),
      '/api/v1/settlements': {
        get: {
          operationId: 'listSettlements',
          summary: 'Settlements (remittance slips) with their lines, for posting in the ledger',
          tags: ['Settlements'],
          parameters: queryParameters(contract.settlementsQuery),
          responses: {
            '200': answer('Settlements settled on or after `since`, oldest first.', 'SettlementList'),
            '422': problem('An invalid date.'),
            ...COMMON_ERRORS,
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [],
          responses: {
            '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from Settings → Company → Integrations.' } },
      schemas: { ...components(REQUESTS, 'input'), ...components(RESPONSES, 'output') },
    },
  };
}

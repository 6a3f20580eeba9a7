import { readdirSync } from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/integrations/api/openapi';
import { exportedNames } from '@/tests/authorization/discover';
import { readFileSync } from 'node:fs';

/** Every route.ts under app/api/v1 as its OpenAPI path and methods: `[caseNumber]` → `{caseNumber}`. */
function apiRoutes(dir = path.join(process.cwd(), 'app/api/v1'), prefix = '/api/v1'): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return apiRoutes(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, '{$1}')}`);
    if (entry.name !== 'route.ts') return [];
    const methods = exportedNames(readFileSync(full, 'utf8')).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
    return [{ path: prefix, methods: methods.map((m) => m.toLowerCase()) }];
  });
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('lists every route and method under /api/v1, and nothing that is not there', () => {
    const paths = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      expect(Object.keys(paths[route.path] ?? {}).sort(), route.path).toEqual(route.methods.sort());
    }
    expect(Object.keys(paths).sort()).toEqual(routes.map((r) => r.path).sort());
  });

  it('describes the bodies from the zod schemas, with their rules', () => {
    const schemas = buildOpenApiDocument().components.schemas as Record<
      string,
      { properties?: Record<string, { $ref?: string; type?: unknown }>; required?: string[] }
    >;
    expect(schemas.CreateInvoiceRequest?.properties?.customer?.$ref).toBe('#/components/schemas/Customer');
    expect(schemas.PaymentRequest?.required).toEqual(expect.arrayContaining(['invoiceNumber', 'amountOre', 'paidOn']));
    expect(schemas.PaymentRequest?.properties?.amountOre?.type).toBe('integer');
  });
});

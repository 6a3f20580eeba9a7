import 'server-only';
import type { NextRequest } from 'next/server';
import type { output, ZodType } from 'zod';
import { db } from '@/db';
import { clientAddress } from '@/lib/client-address';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/database-unavailable';
import { DomainError, NotAllowedError } from '@/lib/errors';
import { env } from '@/lib/env';
import { BODY_LIMITS, BodyTooLargeError, readLimited } from '@/lib/http/body-limit';
import { authenticateApiKey, type ApiPrincipal } from './auth';
import { ApiProblem, englishMessage, problemResponse, validationProblem } from './problem';

/**
 * The gate for /api/v1: every handler runs behind the API-key principal (lib/integrations/api/auth.ts). Session cookies
 * count for nothing here. Refusals and business errors become RFC 9457 problem+json answers.
 */
export function apiRoute<Context>(handler: (request: NextRequest, context: Context, principal: ApiPrincipal) => Promise<Response>) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    try {
      const principal = await authenticateApiKey(db, request.headers.get('authorization'), {
        rateLimit: env().API_RATE_LIMIT_PER_MINUTE,
        address: clientAddress(request.headers.get('x-forwarded-for'), env().TRUSTED_PROXY_HOPS),
      });
      return await handler(request, context, principal);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiProblem) return problemResponse(error);
  if (error instanceof NotAllowedError) return problemResponse(new ApiProblem(403, 'forbidden', 'Not allowed.'));
  if (error instanceof DomainError) {
    const values = 'values' in error && error.values && typeof error.values === 'object' ? (error.values as Record<string, string>) : {};
    return problemResponse(
      new ApiProblem(422, 'refused', 'The request was refused.', englishMessage(error.messageKey, values), { code: error.messageKey }),
    );
  }
  if (isDatabaseUnavailable(error)) return problemResponse(unavailable());
  throw error;
}

/** The JSON body checked against its schema: not JSON → 400, invalid → 422 with the issues' paths. */
export async function readBody<T extends ZodType>(request: Request, schema: T): Promise<{ raw: unknown; data: output<T> }> {
  let raw: unknown;
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(request, BODY_LIMITS.api);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new ApiProblem(413, 'body-too-large', 'The request body is too large.', 'At most 256 KB.');
    throw error;
  }
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ApiProblem(400, 'malformed', 'The request body is not JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationProblem(parsed.error);
  return { raw, data: parsed.data };
}

/** The database cannot be reached: nothing was written (the transaction never committed); the client retries later. */
const unavailable = () =>
  new ApiProblem(
    503,
    'unavailable',
    'The service is temporarily unavailable.',
    englishMessage('common.errors.unavailable'),
    {},
    {
      'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
    },
  );

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

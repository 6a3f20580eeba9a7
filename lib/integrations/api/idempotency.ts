import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '@/db/client';
import { apiIdempotency } from '@/db/schema';
import { ApiProblem } from './problem';

export type ApiAnswer = { status: number; body: unknown; replayed?: boolean };

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** `Idempotency-Key` as sent (printable ASCII, ≤ 200); required → 400 when missing. */
export function idempotencyKeyOf(request: Request, required: boolean): string | null {
  const key = request.headers.get('idempotency-key')?.trim() ?? '';
  if (!key) {
    if (required) throw new ApiProblem(400, 'idempotency-key-required', 'The Idempotency-Key header is required for this request.');
    return null;
  }
  if (!KEY_PATTERN.test(key))
    throw new ApiProblem(400, 'idempotency-key-invalid', 'The Idempotency-Key header must be 1–200 printable ASCII characters.');
  return key;
}

/** The body's fingerprint: its JSON with keys sorted, so that key order never makes "another body". */
export function requestHash(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)) ?? 'null')
    .digest('hex');
}

/**
 * Runs a write once per (company, endpoint, key): under an advisory lock on the key, a replay with the same body
 * gets the first answer again, the same key with another body 409. The answer is stored in the write's own
 * transaction, so a write that rolled back leaves nothing to replay. Without a key, the write just runs.
 */
export async function idempotent(
  db: Database,
  scope: { companyId: string; endpoint: string; key: string | null; body: unknown },
  run: (tx: Tx) => Promise<ApiAnswer>,
): Promise<ApiAnswer> {
  const { key } = scope;
  if (!key) return db.transaction(run);
  const hash = requestHash(scope.body);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api-idempotency:${scope.companyId}:${scope.endpoint}:${key}`}))`);
    const [earlier] = await tx
      .select()
      .from(apiIdempotency)
      .where(
        and(
          eq(apiIdempotency.companyId, scope.companyId),
          eq(apiIdempotency.endpoint, scope.endpoint),
          eq(apiIdempotency.idempotencyKey, key),
        ),
      );
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw new ApiProblem(409, 'idempotency-key-reused', 'This Idempotency-Key was used with another request body.');
      }
      return { status: earlier.responseStatus, body: earlier.responseBody, replayed: true };
    }
    const answer = await run(tx);
    if (answer.status < 300) {
      await tx.insert(apiIdempotency).values({
        companyId: scope.companyId,
        endpoint: scope.endpoint,
        idempotencyKey: key,
        requestHash: hash,
        responseStatus: answer.status,
        responseBody: answer.body as object,
      });
    }
    return answer;
  });
}

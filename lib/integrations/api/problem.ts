import type { ZodError } from 'zod';
import en from '@/messages/en.json';

/**
 * RFC 9457 problem details (application/problem+json). The API speaks English (its schema does too); `type` is
 * a relative URI naming the problem, `errors` lists validation issues by their JSON path in the body.
 */
export type FieldIssue = { path: string; message: string };
export type Problem = { type: string; title: string; status: number; detail?: string; errors?: FieldIssue[]; [extra: string]: unknown };

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${slug}`);
    this.name = 'ApiProblem';
  }

  toBody(): Problem {
    return {
      type: `/api/v1/problems/${this.slug}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...this.extra,
    };
  }
}

/** A message key of messages/en.json in English; an unknown key stays as it is. */
export function englishMessage(key: string, values: Record<string, string> = {}): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}

export function problemResponse(problem: ApiProblem): Response {
  return Response.json(problem.toBody(), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...problem.headers },
  });
}

/** Zod issues as field paths in the body (`customer.postcode`, `lines.0.amountOre`). */
export function validationProblem(error: ZodError, prefix: (string | number)[] = []): ApiProblem {
  const errors = error.issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.') || '(body)',
    message: /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? englishMessage(issue.message) : issue.message,
  }));
  return new ApiProblem(422, 'validation', 'The request body is not valid.', undefined, { errors });
}

export const unauthorized = () =>
  new ApiProblem(
    401,
    'unauthorized',
    'A valid API key is required.',
    'Send the key as Authorization: Bearer <key>.',
    {},
    { 'WWW-Authenticate': 'Bearer' },
  );
export const notFound = (what = 'The resource') => new ApiProblem(404, 'not-found', `${what} was not found.`);

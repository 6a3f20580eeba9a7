import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parameterCount } from './discover';
import type { CallInput, MatrixFixture, MatrixRow, Outcome } from './types';

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
type ActionRef = { id: string; pagePaths: string[] };

const require = createRequire(import.meta.url);
// The same encoder the browser uses to post a server action's arguments (prev state, FormData).
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The built portal's server actions by `file#name`, with a page (worker) that serves each. */
export function loadActionRefs(distDir = process.env.NEXT_DIST_DIR ?? '.next'): Map<string, ActionRef> {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const refs = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const pages = Object.keys(entry.workers).filter((worker) => worker.startsWith('app/'));
    if (entry.filename && entry.exportedName && pages.length > 0)
      refs.set(`${entry.filename}#${entry.exportedName}`, { id, pagePaths: pages });
  }
  return refs;
}

/** `app/[locale]/(portal)/cases/[caseId]/page` → `/nb/cases/<the fixture's case>`. */
function pageUrl(worker: string, fixture: MatrixFixture): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/page$/, '')
    .split('/');
  const values: Record<string, string> = { locale: fixture.locale, caseId: fixture.caseId, companyId: fixture.companyId };
  return `/${segments
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[\.{0,3}(\w+)\]$/, (_match, name: string) => values[name] ?? 'x'))
    .join('/')}`;
}

function formDataOf(fields: CallInput['form'] = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

/** A redirect to a sign-in page (the portal's or Min side's) is a refusal; one that says "signed out" is a sign-out. */
function classifyRedirect(location: string): Outcome {
  const url = new URL(location, 'http://portal');
  return /^\/(nb|en)\/(min-side\/)?login(\/verify)?$/.test(url.pathname) && !url.searchParams.has('signedOut') ? 'signIn' : 'allowed';
}

/** Posts a server action as the browser does (fetch with Next-Action) and reads what the user would meet. */
async function callAction(
  baseUrl: string,
  ref: ActionRef,
  row: MatrixRow,
  input: CallInput,
  fixture: MatrixFixture,
  cookie: string | null,
) {
  // A plain form action receives (formData); one behind useActionState receives (previous state, formData).
  const args = parameterCount(row.file, row.name) === 1 ? [formDataOf(input.form)] : [{ status: 'idle' }, formDataOf(input.form)];
  const body = await encodeReply(args);
  // The page re-rendered after the action must be one of the row's own side: the desk for staff rows, else the portal.
  const onDesk = (worker: string) => worker.includes('/desk');
  const pagePath =
    ref.pagePaths.find((worker) => worker === row.page) ??
    ref.pagePaths.find((worker) => onDesk(worker) === (row.needs === 'staff')) ??
    ref.pagePaths[0] ??
    '';
  const response = await fetch(new URL(pageUrl(pagePath, fixture), baseUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Next-Action': ref.id, Accept: 'text/x-component', Origin: baseUrl, ...(cookie ? { Cookie: cookie } : {}) },
    body,
  });
  const text = await response.text();
  const redirect =
    response.headers.get('x-action-redirect') ??
    (response.status >= 300 && response.status < 400 ? response.headers.get('location') : null);
  if (redirect) return { outcome: classifyRedirect(redirect.split(';')[0] ?? ''), detail: `redirect ${redirect}` };
  if (response.status === 404 || text.includes('NEXT_HTTP_ERROR_FALLBACK;404')) return { outcome: 'notFound' as const, detail: '404' };
  if (text.includes('common.errors.notAllowed')) return { outcome: 'refused' as const, detail: 'common.errors.notAllowed' };
  if (response.status >= 500) return { outcome: 'error' as const, detail: `${response.status} ${text.slice(0, 300)}` };
  return { outcome: 'allowed' as const, detail: `${response.status} ${text.slice(-300)}` };
}

function multipartOf(fields: NonNullable<CallInput['multipart']>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    data.append(name, typeof value === 'string' ? value : new File([Buffer.from(value.bytes)], value.fileName, { type: value.type }));
  }
  return data;
}

/** What a principal sends: a session cookie, or an API key as a bearer token. */
export type Credentials = { cookie: string | null; authorization: string | null };

async function callRoute(baseUrl: string, row: MatrixRow, input: CallInput, { cookie, authorization }: Credentials) {
  if (!input.path) throw new Error(`${row.file} ${row.name}: a route row needs input.path`);
  const response = await fetch(new URL(input.path, baseUrl), {
    method: row.name,
    redirect: 'manual',
    headers: {
      Origin: baseUrl,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(authorization ? { Authorization: authorization } : {}),
      ...(input.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...input.headers,
    },
    body: input.json !== undefined ? JSON.stringify(input.json) : input.multipart ? multipartOf(input.multipart) : undefined,
  });
  await response.arrayBuffer();
  const byStatus: Record<number, Outcome> = { 401: 'signIn', 403: 'refused', 404: 'notFound' };
  if (response.status >= 500) return { outcome: 'error' as const, detail: String(response.status) };
  return { outcome: byStatus[response.status] ?? ('allowed' as const), detail: String(response.status) };
}

/** Calls one row with the input its `input()` built for the cell, as the principal whose cookie is given. */
export async function callRow(
  baseUrl: string,
  refs: Map<string, ActionRef>,
  row: MatrixRow,
  input: CallInput,
  fixture: MatrixFixture,
  credentials: Credentials,
) {
  if (row.file.startsWith('app/')) return callRoute(baseUrl, row, input, credentials);
  const { cookie } = credentials;
  const ref = refs.get(`${row.file}#${row.name}`);
  if (!ref) throw new Error(`${row.file}#${row.name} is not in the build's server-reference manifest (no page uses it?)`);
  return callAction(baseUrl, ref, row, input, fixture, cookie);
}

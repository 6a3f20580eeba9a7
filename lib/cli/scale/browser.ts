import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST_DIR } from '@/lib/cli/build-state';

// A user without a browser: cookies kept between requests, server actions posted the way the browser posts them.

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

/** The built portal's server action ids by `file#name` (lib/auth/actions.ts#signInAction). */
export function loadActionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node))
    if (entry.filename && entry.exportedName) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  return ids;
}

export type Answer = { status: number; location: string | null; text: string };

export class Visitor {
  private cookies = new Map<string, string>();
  constructor(private readonly actionIds: Map<string, string>) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 0) continue;
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(base: string, pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(new URL(pathname, base), { redirect: 'manual', headers: { Cookie: this.cookieHeader(), ...headers } });
    this.keep(response);
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  }

  /** Posts `file#name` with these form fields from page `pathname`, as a form with useActionState does. */
  async action(
    base: string,
    pathname: string,
    action: string,
    fields: Record<string, string | string[]>,
    options: { plain?: boolean } = {},
  ): Promise<Answer> {
    const id = this.actionIds.get(action);
    if (!id) throw new Error(`no server action ${action} in the build`);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
    const body = await encodeReply(options.plain ? [form] : [{ status: 'idle' }, form]);
    const response = await fetch(new URL(pathname, base), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: new URL(base).origin, Cookie: this.cookieHeader() },
      body,
    });
    this.keep(response);
    const location = response.headers.get('x-action-redirect') ?? response.headers.get('location');
    return { status: response.status, location, text: await response.text() };
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import nb from '@/messages/nb.json';
import { pickMessages, SHELL_MESSAGES } from '@/lib/i18n/client-messages';
import { importsOf, ROOT } from '@/tests/helpers/import-graph';

// Pages send their client components only the messages they name (components/layout/client-messages.tsx). This
// reads the static import graph of every page and layout: the client components it renders, the keys they
// translate (per `useTranslations` namespace, down to the key's first segment) and, for the form hooks that
// translate whatever key an action returns, every key literal in the actions' server code. Each must lie under
// the shell's messages or under a path the file's own <ClientMessages paths={[…]}> names.

// Never sent to the browser (texts only server components render): an action's key cannot be one of them.
const SERVER_ONLY = ['helpArticles', 'email'];

const isClient = (file: string) => /^\s*['"]use client['"]/.test(readFileSync(file, 'utf8'));
const inUi = (file: string) => file.startsWith(path.join(ROOT, 'components')) || file.startsWith(path.join(ROOT, 'app'));

type Tree = { [key: string]: string | Tree };
const has = (messagePath: string) => {
  let node: Tree | string | undefined = nb as Tree;
  for (const segment of messagePath.split('.')) node = typeof node === 'object' ? node[segment] : undefined;
  return node !== undefined;
};

/** A key's path down to its namespace's first segment ('cases.manage.reason' → 'cases.manage'), or the whole key. */
function messagePathOf(namespace: string, key: string): string {
  const full = namespace ? `${namespace}.${key}` : key;
  const depth = namespace ? namespace.split('.').length + 1 : 2;
  return full.split('.').slice(0, depth).join('.');
}

const KEY_LITERAL = /['`]([a-zA-Z]+(?:\.[a-zA-Z]+)+)(?:'|`|\.\$\{)/g;
/** Every message key (or key prefix before a `${…}`) that server code under lib/ reachable from `file` names. */
function serverKeys(file: string, seen = new Set<string>()): Set<string> {
  const keys = new Set<string>();
  if (seen.has(file)) return keys;
  seen.add(file);
  for (const match of readFileSync(file, 'utf8').matchAll(KEY_LITERAL)) {
    const key = match[1] ?? '';
    if (has(key) && !SERVER_ONLY.includes(key.split('.')[0] ?? '')) keys.add(messagePathOf('', key));
  }
  for (const imported of importsOf(file))
    if (imported.startsWith(path.join(ROOT, 'lib'))) for (const key of serverKeys(imported, seen)) keys.add(key);
  return keys;
}

/** What one client file translates: message paths, and whether it translates keys it did not write (actions'). */
function translatedBy(file: string): { paths: Set<string>; foreignKeys: boolean } {
  const source = readFileSync(file, 'utf8');
  const paths = new Set<string>();
  let foreignKeys = /\buse(Form|Invoice)Messages\(/.test(source);
  for (const hook of source.matchAll(/const (\w+) = useTranslations\((?:'([^']*)')?\)/g)) {
    const [, name = '', namespace = ''] = hook;
    for (const call of source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw|\\.has)?\\(\\s*(['\`])?([^'\`)]*)`, 'g'))) {
      const [, quote, argument = ''] = call;
      const literal = quote ? (argument.split('${')[0]?.replace(/\.$/, '') ?? '') : '';
      if (literal) paths.add(messagePathOf(namespace, literal));
      else if (namespace) paths.add(namespace);
      else foreignKeys = true;
    }
  }
  return { paths, foreignKeys };
}

type Needs = { paths: Set<string>; clients: Set<string> };
/** The client components a page or layout renders (through server components) and what they translate. */
function needsOf(entry: string): Needs {
  const needs: Needs = { paths: new Set(), clients: new Set() };
  const actions = new Set<string>();
  let foreignKeys = false;
  const visit = (file: string, client: boolean, seen: Set<string>) => {
    if (seen.has(file)) return;
    seen.add(file);
    const isClientHere = client || isClient(file);
    if (isClientHere) {
      needs.clients.add(path.relative(ROOT, file));
      const translated = translatedBy(file);
      for (const messagePath of translated.paths) needs.paths.add(messagePath);
      foreignKeys ||= translated.foreignKeys;
    }
    for (const imported of importsOf(file)) {
      if (/\/lib\/.*actions\.ts$/.test(imported)) actions.add(imported);
      // A layout's or page's own children come from Next, not from imports; other app files are imported parts.
      if (inUi(imported)) visit(imported, isClientHere, seen);
    }
  };
  visit(entry, false, new Set());
  if (foreignKeys) for (const action of actions) for (const key of serverKeys(action)) needs.paths.add(key);
  return needs;
}

function declaredPaths(file: string): string[] {
  const match = /<ClientMessages\s+paths=\{\[([^\]]*)\]\}/.exec(readFileSync(file, 'utf8'));
  return match ? [...(match[1] ?? '').matchAll(/'([^']+)'/g)].map((quoted) => quoted[1] ?? '') : [];
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page|layout|error|not-found|template)\.tsx$/.test(entry.name) ? [full] : [];
  });
}

const covered = (needed: string, provided: readonly string[]) =>
  provided.some((given) => needed === given || needed.startsWith(`${given}.`));

describe('client messages', () => {
  it('picks subtrees in their places, leaving the catalogue as it was', () => {
    const before = JSON.stringify(nb);
    const picked = pickMessages(nb, ['cases.manage', 'cases.errors', 'nav']);
    expect(Object.keys(picked)).toEqual(['cases', 'nav']);
    expect(Object.keys(picked.cases as object)).toEqual(['manage', 'errors']);
    expect((picked.cases as Tree).manage).toBe((nb as Tree).cases && ((nb as Tree).cases as Tree).manage);
    expect(JSON.stringify(nb)).toBe(before);
    expect(() => pickMessages(nb, ['cases.nope'])).toThrow('no messages at cases.nope');
  });

  it('sends every page and layout the messages its client components translate', () => {
    const missing: string[] = [];
    let checkedClients = 0;
    for (const file of routeFiles(path.join(ROOT, 'app'))) {
      const needs = needsOf(file);
      checkedClients += needs.clients.size;
      const provided = [...SHELL_MESSAGES, ...declaredPaths(file)];
      for (const needed of needs.paths) if (!covered(needed, provided)) missing.push(`${path.relative(ROOT, file)}: ${needed}`);
    }
    expect(missing).toEqual([]);
    // The graph is really read: the case page alone renders a handful of client forms.
    expect(checkedClients).toBeGreaterThan(30);
  });

  it('names only paths that exist, outside the server-only texts', () => {
    const wrong = routeFiles(path.join(ROOT, 'app')).flatMap((file) =>
      declaredPaths(file)
        .filter((declared) => !has(declared) || SERVER_ONLY.includes(declared.split('.')[0] ?? ''))
        .map((declared) => `${path.relative(ROOT, file)}: ${declared}`),
    );
    expect(wrong).toEqual([]);
  });
});

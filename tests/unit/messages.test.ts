import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import nb from '@/messages/nb.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

const nbKeys = flatten(nb);
// A quoted 'namespace.key' literal, for any top-level namespace of the messages.
const KEY_LITERAL = new RegExp(`'((?:${Object.keys(nb).join('|')})\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)'`, 'g');
const enKeys = flatten(en);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('messages', () => {
  it('has the same keys in Norwegian and English', () => {
    expect(Object.keys(enKeys).sort()).toEqual(Object.keys(nbKeys).sort());
  });

  it('has no empty text', () => {
    const empty = [...Object.entries(nbKeys), ...Object.entries(enKeys)].filter(([, text]) => !text.trim());
    expect(empty).toEqual([]);
  });

  it('defines every message key that the code puts in a form state or zod schema', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles('lib'), ...sourceFiles('components'), ...sourceFiles('app')]) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(KEY_LITERAL)) {
        used.add(match[1] ?? '');
      }
    }
    // A literal is a message, or a namespace passed to getTranslations / useTranslations.
    const isNamespace = (key: string) => Object.keys(nbKeys).some((known) => known.startsWith(`${key}.`));
    const missing = [...used].filter((key) => !(key in nbKeys) && !isNamespace(key));
    expect(missing).toEqual([]);
  });
});

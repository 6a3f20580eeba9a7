import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '@/tests/helpers/import-graph';

// React applies a <select>'s defaultValue only when it mounts and resets the form after an action, so a plain
// <select> shows its first value again after a refused submit (or a server re-render that chose another value).
// components/ui/select.tsx remounts on the value to show; every dropdown in the UI goes through it.
const OWN = path.join(ROOT, 'components/ui/select.tsx');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** `file:line` of every JSX `<select` (or a component set to the 'select' tag) outside the Select primitive. */
function plainSelects(): string[] {
  return ['app', 'components']
    .flatMap((dir) => sources(path.join(ROOT, dir)))
    .filter((file) => file !== OWN)
    .flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/<select[\s>]|['"]select['"]/.test(line) ? [`${path.relative(ROOT, file)}:${index + 1}`] : [])),
    );
}

describe('dropdowns keep the chosen value after a refused submit', () => {
  it('every <select> in app/ and components/ is the Select primitive', () => {
    expect(plainSelects()).toEqual([]);
  });
});

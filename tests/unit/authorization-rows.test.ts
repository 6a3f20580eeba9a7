import { describe, expect, it } from 'vitest';
import { MATRIX_ROWS } from '@/tests/authorization/all-rows';
import { discoverEndpoints, exportedNames } from '@/tests/authorization/discover';
import { expectedOutcome } from '@/tests/authorization/expected';

const key = (endpoint: { file: string; name: string }) => `${endpoint.file}#${endpoint.name}`;

describe('the authorisation matrix', () => {
  const endpoints = discoverEndpoints();

  it('finds the actions and route handlers in the source tree', () => {
    expect(endpoints.map(key)).toEqual(
      expect.arrayContaining(['lib/cases/actions.ts#changeCaseStatusAction', 'app/api/cases/export/route.ts#GET']),
    );
  });

  it('has exactly one row for every exported server action and route handler, and none for code that is gone', () => {
    const rows = MATRIX_ROWS.map(key);
    expect(endpoints.map(key).filter((name) => !rows.includes(name))).toEqual([]);
    expect(rows.filter((name) => !endpoints.some((endpoint) => key(endpoint) === name))).toEqual([]);
    expect(rows.length).toBe(new Set(rows).size);
  });

  it('reads exports from the syntax tree, not from the text: a comment or a string is no export', () => {
    const source = `// export async function inComment() {}\nconst s = 'export async function inString() {}';\nexport async function realAction() {}\nexport const { GET, POST } = handlers;\nexport { other as renamed };`;
    expect(exportedNames(source)).toEqual(['realAction', 'GET', 'POST', 'renamed']);
  });

  it('derives each cell from the role rules', () => {
    expect(expectedOutcome('write', 'read')).toBe('refused');
    expect(expectedOutcome('write', 'admin')).toBe('allowed');
    expect(expectedOutcome('read', 'otherCompanyAdmin')).toBe('notFound');
    expect(expectedOutcome('admin', 'pendingSecondFactor')).toBe('signIn');
    expect(expectedOutcome('staff', 'admin')).toBe('notFound');
    expect(expectedOutcome('signedIn', 'staff')).toBe('allowed');
    expect(expectedOutcome('creditorAccount', 'staff')).toBe('notFound');
    expect(expectedOutcome('creditorAccount', 'otherCompanyAdmin')).toBe('allowed');
    expect(expectedOutcome('creditorAccount', 'pendingSecondFactor')).toBe('signIn');
  });
});

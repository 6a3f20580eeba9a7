import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { MATRIX_ROWS } from '@/tests/authorization/all-rows';
import { ROOT, sourceFiles } from '@/tests/helpers/import-graph';

// docs/style.md §5: every server action is `return guarded(formData, async () => { gate; parse; work })`, and the
// gate comes first: the callback's first statement awaits a `require…` function of a gate module (lib/auth/gate),
// whose arguments are literals or the raw id it checks (`rawField(formData, 'caseId')`). Nothing is parsed, read
// or looked up before it. An action without a form state (no `prev`: a plain form action or a call from a
// script) may start with the gate itself. Public actions
// (the sign-in steps, `needs: 'public'` in the authorisation matrix) have no gate. Read from the syntax tree.

const isServerFile = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*)*['"]use server['"]/.test(source);

/** The local names of the `require…` functions a file imports from a gate module (`@/lib/auth/gate`, `./gate`). */
function gateNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!/(^|\/)gate$/.test(statement.moduleSpecifier.text)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (/^require[A-Z]/.test(element.name.text)) names.add(element.name.text);
    }
  }
  return names;
}

function exportedFunctions(file: ts.SourceFile): { name: string; node: ts.FunctionLikeDeclaration }[] {
  const found: { name: string; node: ts.FunctionLikeDeclaration }[] = [];
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name)
      found.push({ name: statement.name.text, node: statement });
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          found.push({ name: declaration.name.text, node: init });
      }
    }
  }
  return found;
}

const statementsOf = (node: ts.FunctionLikeDeclaration) => (node.body && ts.isBlock(node.body) ? [...node.body.statements] : []);

/** `guarded(formData, async () => { … })` as the function's first statement: the callback's statements. */
function guardedBody(statement: ts.Statement | undefined): ts.Statement[] | null {
  if (!statement || !ts.isReturnStatement(statement) || !statement.expression || !ts.isCallExpression(statement.expression)) return null;
  const call = statement.expression;
  if (!ts.isIdentifier(call.expression) || call.expression.text !== 'guarded') return null;
  const work = call.arguments[1];
  return work && (ts.isArrowFunction(work) || ts.isFunctionExpression(work)) ? statementsOf(work) : null;
}

/** `await gate(…)` as an expression statement or the one initialiser of a declaration. */
function awaitedCall(statement: ts.Statement | undefined): ts.CallExpression | null {
  let expression: ts.Expression | undefined;
  if (statement && ts.isExpressionStatement(statement)) expression = statement.expression;
  if (statement && ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    expression = statement.declarationList.declarations[0]?.initializer;
  }
  if (!expression || !ts.isAwaitExpression(expression) || !ts.isCallExpression(expression.expression)) return null;
  return expression.expression;
}

/** A gate argument reads nothing but literals and the raw field the gate checks. */
function isPlainArgument(argument: ts.Expression): boolean {
  if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument) || ts.isNumericLiteral(argument)) return true;
  if (!ts.isCallExpression(argument) || !ts.isIdentifier(argument.expression) || argument.expression.text !== 'rawField') return false;
  const [form, name] = argument.arguments;
  return Boolean(form && ts.isIdentifier(form) && name && ts.isStringLiteral(name));
}

/** What is wrong with the order of the file's non-public actions; empty when every one starts with its gate. */
function gateOrderProblems(source: string, fileName: string, isPublic: (name: string) => boolean): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const gates = gateNames(file);
  const problems: string[] = [];
  for (const { name, node } of exportedFunctions(file)) {
    if (isPublic(name)) continue;
    const statements = statementsOf(node);
    // (prev, formData): a useActionState action, which answers with a form state.
    const takesForm = node.parameters.length === 2;
    const inside = guardedBody(statements[0]);
    if (takesForm && !inside) {
      problems.push(`${fileName}#${name}: the body is not \`return guarded(formData, async () => { … })\``);
      continue;
    }
    const first = (inside ?? statements)[0];
    const gate = awaitedCall(first);
    if (!gate || !ts.isIdentifier(gate.expression) || !gates.has(gate.expression.text)) {
      problems.push(
        `${fileName}#${name}: the first statement does not await the gate (a require… of lib/auth/gate): ${first?.getText(file).slice(0, 80)}`,
      );
    } else if (!gate.arguments.every(isPlainArgument)) {
      problems.push(`${fileName}#${name}: the gate is given more than literals and rawField(formData, '…'): ${gate.getText(file)}`);
    }
  }
  return problems;
}

const PUBLIC = new Set(MATRIX_ROWS.filter((row) => row.needs === 'public').map((row) => `${row.file}#${row.name}`));
const SERVER_FILES = [...sourceFiles('lib'), ...sourceFiles('app'), ...sourceFiles('components')]
  .map((file) => ({ file: path.relative(ROOT, file).split(path.sep).join('/'), source: readFileSync(file, 'utf8') }))
  .filter(({ source }) => isServerFile(source));

describe('server actions: guarded(), and the gate first', () => {
  it('live in files named actions.ts under lib/, where the authorisation matrix finds them', () => {
    expect(SERVER_FILES.length).toBeGreaterThan(15);
    expect(SERVER_FILES.map(({ file }) => file).filter((file) => !/^lib\/.*\/actions\.ts$/.test(file))).toEqual([]);
  });

  it('call the gate before they parse or read anything, inside guarded()', () => {
    const problems = SERVER_FILES.flatMap(({ file, source }) => gateOrderProblems(source, file, (name) => PUBLIC.has(`${file}#${name}`)));
    expect(problems).toEqual([]);
  });

  it('leave the DomainError try/catch to guarded() (lib/form-state.ts)', () => {
    expect(SERVER_FILES.filter(({ source }) => /instanceof DomainError/.test(source)).map(({ file }) => file)).toEqual([]);
  });

  it('catches an action that parses before the gate, reads a field for it, or skips guarded()', () => {
    const header = `'use server';\nimport { requireCaseRole, requireStaff } from '@/lib/auth/gate';\n`;
    const check = (body: string) => gateOrderProblems(header + body, 'lib/x/actions.ts', () => false);
    expect(
      check(`export async function okAction(_p, formData) {
      return guarded(formData, async () => {
        const actor = await requireCaseRole(rawField(formData, 'caseId'), 'write');
        const parsed = schema.safeParse(Object.fromEntries(formData));
      });
    }`),
    ).toEqual([]);
    expect(
      check(`export async function parsesFirstAction(_p, formData) {
      return guarded(formData, async () => {
        const parsed = schema.safeParse(Object.fromEntries(formData));
        const actor = await requireCaseRole(parsed.data.caseId, 'write');
      });
    }`),
    ).toHaveLength(1);
    expect(
      check(`export async function gateOfParsedAction(_p, formData) {
      return guarded(formData, async () => {
        const actor = await requireCaseRole(schema.parse(formData.get('caseId')), 'write');
      });
    }`),
    ).toHaveLength(1);
    expect(
      check(`export async function unguardedAction(_p, formData) {
      const staff = await requireStaff();
      try { await work(staff); } catch (error) { if (error instanceof DomainError) return failed(error.messageKey); throw error; }
    }`),
    ).toHaveLength(1);
    expect(
      check(`export async function notTheGateAction(_p, formData) {
      return guarded(formData, async () => { await requireRecentPassword(); });
    }`),
    ).toHaveLength(1);
    expect(check(`export async function optionsAction() { const staff = await requireStaff(); }`)).toEqual([]);
    expect(
      check(`export async function plainFormAction(formData) { const parsed = schema.parse(formData); await requireStaff(); }`),
    ).toHaveLength(1);
  });
});

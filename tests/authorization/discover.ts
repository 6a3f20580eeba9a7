import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

function hasExportModifier(node: ts.Node) {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The names a module exports: functions, consts (also destructured: `export const { GET, POST } = …`) and re-exports. */
export function exportedNames(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const bindingNames = (name: ts.BindingName): string[] =>
    ts.isIdentifier(name)
      ? [name.text]
      : name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && hasExportModifier(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
      for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(declaration.name));
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((element) => element.name.text));
    }
  }
  return names;
}

export type Endpoint = { file: string; name: string; kind: 'action' | 'route' };

/** Every exported server action (`lib/**\/actions.ts`) and route handler (`app/**\/route.ts`) in the source tree. */
export function discoverEndpoints(root = process.cwd()): Endpoint[] {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const actions = filesNamed(path.join(root, 'lib'), 'actions.ts').flatMap((file) =>
    exportedNames(readFileSync(file, 'utf8'), file).map((name) => ({ file: relative(file), name, kind: 'action' as const })),
  );
  const routes = filesNamed(path.join(root, 'app'), 'route.ts').flatMap((file) =>
    exportedNames(readFileSync(file, 'utf8'), file)
      .filter((name) => HTTP_METHODS.has(name))
      .map((name) => ({ file: relative(file), name, kind: 'route' as const })),
  );
  return [...actions, ...routes].sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

/** How many parameters an exported function declares: a form action takes (formData), a useActionState one (prev, formData). */
export function parameterCount(file: string, name: string): number {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement.parameters.length;
  }
  throw new Error(`${file}: no function ${name}`);
}

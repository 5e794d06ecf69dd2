/**
 * The statement shapes of a subject module besides types: `import * as`,
 * exported consts, one-line exported functions that delegate, re-exports.
 */
import ts from 'typescript';
import { factory as f, stringLiteral, withDoc } from './ast.js';

const exported = () => [f.createModifier(ts.SyntaxKind.ExportKeyword)];

export function importNamespace(name: string, from: string): ts.ImportDeclaration {
  return f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamespaceImport(f.createIdentifier(name))), stringLiteral(from));
}

export function importDefault(name: string, from: string): ts.ImportDeclaration {
  return f.createImportDeclaration(undefined, f.createImportClause(false, f.createIdentifier(name), undefined), stringLiteral(from));
}

export function importNamed(names: string[], from: string): ts.ImportDeclaration {
  const specifiers = names.map((n) => f.createImportSpecifier(false, undefined, f.createIdentifier(n)));
  return f.createImportDeclaration(undefined, f.createImportClause(false, undefined, f.createNamedImports(specifiers)), stringLiteral(from));
}

export function constDeclaration(name: string, type: ts.TypeNode | undefined, value: ts.Expression, options: { exported?: boolean; doc?: string[] } = {}): ts.VariableStatement {
  const declaration = f.createVariableDeclaration(name, undefined, type, value);
  const statement = f.createVariableStatement(options.exported ? exported() : undefined, f.createVariableDeclarationList([declaration], ts.NodeFlags.Const));
  return withDoc(statement, options.doc);
}

export interface Parameter {
  name: string;
  type: ts.TypeNode;
}

/** `export function name(params): returns { return target(args); }` */
export function delegatingFunction(name: string, parameters: Parameter[], returns: ts.TypeNode, target: ts.Expression, doc: string[]): ts.FunctionDeclaration {
  const call = f.createCallExpression(target, undefined, parameters.map((p) => f.createIdentifier(p.name)));
  const declaration = f.createFunctionDeclaration(
    exported(),
    undefined,
    name,
    undefined,
    parameters.map((p) => f.createParameterDeclaration(undefined, undefined, p.name, undefined, p.type)),
    returns,
    f.createBlock([f.createReturnStatement(call)], true),
  );
  return withDoc(declaration, doc);
}

export const member = (object: string, name: string): ts.Expression => f.createPropertyAccessExpression(f.createIdentifier(object), name);

export function call(target: ts.Expression, typeArguments: ts.TypeNode[], args: ts.Expression[]): ts.Expression {
  return f.createCallExpression(target, typeArguments, args);
}

/** `export { a, type B } from './x.js';` */
export function reExport(names: { name: string; type?: boolean }[], from: string): ts.ExportDeclaration {
  const specifiers = names.map((n) => f.createExportSpecifier(n.type === true, undefined, n.name));
  return f.createExportDeclaration(undefined, false, f.createNamedExports(specifiers), stringLiteral(from));
}

/** `export * as name from './x.js';` */
export function reExportNamespace(name: string, from: string): ts.ExportDeclaration {
  return f.createExportDeclaration(undefined, false, f.createNamespaceExport(f.createIdentifier(name)), stringLiteral(from));
}

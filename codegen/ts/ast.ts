/**
 * Small constructors over the TypeScript compiler's node factory, so the
 * transforms read as the TypeScript they build. Docs become TSDoc comments
 * (`/** … *\/`), re-indented by the printer.
 */
import ts from 'typescript';
import { isIdentifier } from './names.js';

const f = ts.factory;
export { f as factory };

const exported = () => [f.createModifier(ts.SyntaxKind.ExportKeyword)];

export const keyword = (kind: ts.KeywordTypeSyntaxKind): ts.TypeNode => f.createKeywordTypeNode(kind);
export const stringType = () => keyword(ts.SyntaxKind.StringKeyword);
export const numberType = () => keyword(ts.SyntaxKind.NumberKeyword);
export const booleanType = () => keyword(ts.SyntaxKind.BooleanKeyword);
export const bigintType = () => keyword(ts.SyntaxKind.BigIntKeyword);
export const unknownType = () => keyword(ts.SyntaxKind.UnknownKeyword);
export const neverType = () => keyword(ts.SyntaxKind.NeverKeyword);
export const nullType = (): ts.TypeNode => f.createLiteralTypeNode(f.createNull());
export const undefinedType = () => keyword(ts.SyntaxKind.UndefinedKeyword);

/** A reference to a named type: `Customer`, or qualified `creg.Uuid`. */
export function typeRef(name: string, args?: ts.TypeNode[]): ts.TypeReferenceNode {
  const parts = name.split('.');
  let entity: ts.EntityName = f.createIdentifier(parts[0]!);
  for (const part of parts.slice(1)) entity = f.createQualifiedName(entity, part);
  return f.createTypeReferenceNode(entity, args);
}

export function literalType(value: string | number | boolean | null): ts.TypeNode {
  if (value === null) return nullType();
  if (typeof value === 'string') return f.createLiteralTypeNode(f.createStringLiteral(value, true));
  if (typeof value === 'boolean') return f.createLiteralTypeNode(value ? f.createTrue() : f.createFalse());
  return f.createLiteralTypeNode(value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value)) : f.createNumericLiteral(value));
}

/** A union, flattened and without repeated members (by printed form); one member stays itself. */
export function unionType(members: ts.TypeNode[]): ts.TypeNode {
  const flat = members.flatMap((m) => (ts.isUnionTypeNode(m) ? [...m.types] : [m]));
  const seen = new Set<string>();
  const unique = flat.filter((m) => {
    const key = printedKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return neverType();
  return unique.length === 1 ? unique[0]! : f.createUnionTypeNode(unique);
}

/** An intersection; `unknown` members add nothing and are left out. */
export function intersectionType(all: ts.TypeNode[]): ts.TypeNode {
  const members = all.filter((m) => m.kind !== ts.SyntaxKind.UnknownKeyword);
  if (members.length === 0) return unknownType();
  return members.length === 1 ? members[0]! : f.createIntersectionTypeNode(members.map((m) => (ts.isUnionTypeNode(m) ? f.createParenthesizedType(m) : m)));
}

export const arrayType = (element: ts.TypeNode): ts.TypeNode =>
  f.createArrayTypeNode(ts.isUnionTypeNode(element) || ts.isIntersectionTypeNode(element) || ts.isFunctionTypeNode(element) ? f.createParenthesizedType(element) : element);

export function propertyName(name: string): ts.PropertyName {
  return isIdentifier(name) ? f.createIdentifier(name) : f.createStringLiteral(name, true);
}

export interface Member {
  name: string;
  type: ts.TypeNode;
  optional?: boolean;
  doc?: string[];
}

export function propertySignature(member: Member): ts.PropertySignature {
  const node = f.createPropertySignature(
    undefined,
    propertyName(member.name),
    member.optional ? f.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    member.type,
  );
  return withDoc(node, member.doc);
}

/** `{ [key: string]: T }` */
export function indexSignature(value: ts.TypeNode): ts.IndexSignatureDeclaration {
  const key = f.createParameterDeclaration(undefined, undefined, 'key', undefined, stringType());
  return f.createIndexSignature(undefined, [key], value);
}

/** `{ … }`; `singleLine` prints small ones (a map, a wrapped union branch) on one line. */
export function typeLiteral(members: ts.TypeElement[], singleLine = false): ts.TypeNode {
  const node = f.createTypeLiteralNode(members);
  return singleLine ? ts.setEmitFlags(node, ts.EmitFlags.SingleLine) : node;
}

export function exportInterface(name: string, members: ts.TypeElement[], doc?: string[]): ts.InterfaceDeclaration {
  return withDoc(f.createInterfaceDeclaration(exported(), name, undefined, undefined, members), doc);
}

export function exportTypeAlias(name: string, type: ts.TypeNode, doc?: string[]): ts.TypeAliasDeclaration {
  return withDoc(f.createTypeAliasDeclaration(exported(), name, undefined, type), doc);
}

export const stringLiteral = (text: string): ts.StringLiteral => f.createStringLiteral(text, true);

/** A JSON-like value as an expression (object keys in their order). */
export function valueExpression(value: unknown): ts.Expression {
  if (value === null) return f.createNull();
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return value ? f.createTrue() : f.createFalse();
  if (typeof value === 'number') {
    return value < 0 ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value)) : f.createNumericLiteral(value);
  }
  if (Array.isArray(value)) {
    const multiLine = value.some((v) => typeof v === 'object' && v !== null);
    return f.createArrayLiteralExpression(value.map(valueExpression), multiLine);
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    const multiLine = entries.some(([, v]) => typeof v === 'object' && v !== null);
    return f.createObjectLiteralExpression(
      entries.map(([k, v]) => f.createPropertyAssignment(propertyName(k), valueExpression(v))),
      multiLine,
    );
  }
  throw new Error(`cannot write ${typeof value} as an expression`);
}

/** Attaches TSDoc; lines are the paragraphs of the comment, empty ones dropped at the ends. */
export function withDoc<T extends ts.Node>(node: T, lines: readonly string[] | undefined): T {
  const text = (lines ?? []).flatMap((line) => line.split(/\r?\n/)).map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
  while (text.length > 0 && text[0] === '') text.shift();
  while (text.length > 0 && text[text.length - 1] === '') text.pop();
  if (text.length === 0) return node;
  const body = text.length === 1 && text[0]!.length <= 100 ? `* ${text[0]} ` : `*\n${text.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n `;
  return ts.addSyntheticLeadingComment(node, ts.SyntaxKind.MultiLineCommentTrivia, body, true);
}

const keyPrinter = ts.createPrinter({ removeComments: true });
const keyFile = ts.createSourceFile('key.ts', '', ts.ScriptTarget.Latest);
const printedKey = (node: ts.TypeNode) => keyPrinter.printNode(ts.EmitHint.Unspecified, node, keyFile);

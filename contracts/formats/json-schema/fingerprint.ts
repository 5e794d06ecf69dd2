/**
 * A text that two structurally equal schemas share: how `CombinedSchemaDiff`
 * collapses duplicate members, which it does by wrapping each member in a
 * `JsonSchema` (equal when everit prints them to equal JSON, key order aside).
 * A reference prints as its `$ref`, as everit prints it, so recursive schemas
 * have finite prints.
 */
import { JsonNumber } from './json-text.js';
import type { SchemaNode } from './model.js';

const printed = new WeakMap<SchemaNode, string>();

export function fingerprint(node: SchemaNode): string {
  let text = printed.get(node);
  if (text === undefined) {
    text = node.kind === 'Ref' ? JSON.stringify({ $ref: node.ref }) : printFields(node as object);
    printed.set(node, text);
  }
  return text;
}

const isSchemaNode = (value: object): value is SchemaNode => 'kind' in value && typeof value.kind === 'string';

function printFields(value: object): string {
  const entries = Object.entries(value)
    .filter(([, member]) => member !== undefined && typeof member !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${print(member)}`).join(',')}}`;
}

function print(value: unknown): string {
  if (value instanceof JsonNumber) return value.text;
  if (value instanceof Map) {
    const entries = [...value].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${print(member)}`).join(',')}}`;
  }
  if (value instanceof Set) return print([...value].sort());
  if (Array.isArray(value)) return `[${value.map(print).join(',')}]`;
  if (value !== null && typeof value === 'object') return isSchemaNode(value) ? fingerprint(value) : printFields(value);
  return JSON.stringify(value);
}

/**
 * The TypeScript type of an avsc type: one transform per Avro node kind.
 * avsc's `typeName` is the dispatch key, so unions arrive already decided
 * wrapped or unwrapped (`union:wrapped`, `union:unwrapped`: avsc's `'auto'`
 * rule, the one the generated code runs with) and logical types as the
 * runtime's classes (`logical:<name>`), or as their underlying type where
 * the runtime refused them.
 */
import type { Type } from 'avsc';
import type ts from 'typescript';
import { arrayTypeNode } from './array.js';
import type { AvroContext } from './context.js';
import { enumTypeNode } from './enum.js';
import { fixedTypeNode } from './fixed.js';
import { logicalTypeNode } from './logical.js';
import { mapTypeNode } from './map.js';
import { primitiveTypeNode } from './primitive.js';
import { recordTypeNode } from './record.js';
import { unionTypeNode } from './union.js';

export function avroTypeNode(type: Type, context: AvroContext): ts.TypeNode {
  const kind = type.typeName;
  if (kind.startsWith('logical:')) return logicalTypeNode(type, context);
  switch (kind) {
    case 'record':
    case 'error':
      return recordTypeNode(type, context);
    case 'enum':
      return enumTypeNode(type, context);
    case 'fixed':
      return fixedTypeNode(type, context);
    case 'array':
      return arrayTypeNode(type, context);
    case 'map':
      return mapTypeNode(type, context);
    case 'union:wrapped':
    case 'union:unwrapped':
      return unionTypeNode(type, context);
    default:
      return primitiveTypeNode(type);
  }
}

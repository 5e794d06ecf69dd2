/**
 * Avro schemas a newer producer could write (checklist C18, C19): the
 * version with one more optional field, and, when the state holds an enum
 * reachable through records and unions, the version with one more symbol in
 * it, with a sample that uses the new symbol. Both are what BACKWARD
 * compatibility lets a producer register after the replica was built.
 */
import type { AvroParsedSchema } from '../../../contracts/formats/avro/avro-format.js';
import { parseAvroSchema } from '../../../contracts/formats/avro/avro-format.js';
import type { AvroSchema, EnumSchema } from '../../../contracts/formats/avro/model.js';
import type { Prng } from '../../samples/prng.js';
import { asNode, unionValue, type AvscNode } from './avsc-node.js';
import { sampleAvro } from './avro-samples.js';

export const FUTURE_SYMBOL = 'CONFORMANCE_FUTURE_SYMBOL';

export interface AvroFuture {
  change: string;
  parsed: AvroParsedSchema;
  sample: unknown;
}

type JsonSchema = Record<string, unknown>;

export function avroFutures(parsed: AvroParsedSchema, rng: Prng): AvroFuture[] {
  const root = parsed.schema;
  if (root.kind !== 'record') return [];
  const futures: AvroFuture[] = [];
  const names = new Set(root.fields.map((f) => f.name));
  let field = 'conformance_future_field';
  while (names.has(field)) field += '_';
  const withField = JSON.parse(parsed.canonical()) as JsonSchema;
  (withField.fields as unknown[]).push({ name: field, type: ['null', 'string'], default: null });
  const fieldSchema = parseAvroSchema(JSON.stringify(withField), parsed.references, { lenient: true });
  const fieldSample = sampleAvro(fieldSchema.schema, asNode(fieldSchema.avscType()), { rng }) as Record<string, unknown>;
  fieldSample[field] = unionValue(asNode(fieldSchema.avscType()).fields!.at(-1)!.type, 1, 'written by a newer producer');
  futures.push({ change: `a new optional field \`${field}\``, parsed: fieldSchema, sample: fieldSample });

  const path = pathToEnum(root, new Set());
  if (path) {
    const target = path.enumSchema;
    const withSymbol = JSON.parse(parsed.canonical()) as JsonSchema;
    if (addSymbol(withSymbol, target.name.full, undefined)) {
      const symbolSchema = parseAvroSchema(JSON.stringify(withSymbol), parsed.references, { lenient: true });
      const node = asNode(symbolSchema.avscType());
      const sample = setAlong(symbolSchema.schema, node, sampleAvro(symbolSchema.schema, node, { rng }), path.fields, rng);
      futures.push({ change: `a new symbol ${FUTURE_SYMBOL} of enum ${target.name.full}`, parsed: symbolSchema, sample });
    }
  }
  return futures;
}

/** Field names from the root to the first enum reachable through records and unions (depth first, in field order). */
function pathToEnum(schema: AvroSchema, seen: Set<AvroSchema>): { fields: string[]; enumSchema: EnumSchema } | undefined {
  if (schema.kind === 'enum') return { fields: [], enumSchema: schema };
  if (schema.kind === 'union') {
    for (const type of schema.types) {
      const found = pathToEnum(type, seen);
      if (found) return found;
    }
  }
  if (schema.kind === 'record' && !seen.has(schema)) {
    seen.add(schema);
    for (const field of schema.fields) {
      const found = pathToEnum(field.type, seen);
      if (found) return { fields: [field.name, ...found.fields], enumSchema: found.enumSchema };
    }
  }
  return undefined;
}

/** The sample with the new symbol at the end of `fields`, taking at each union the branch that leads there. */
function setAlong(schema: AvroSchema, node: AvscNode, value: unknown, fields: string[], rng: Prng): unknown {
  if (schema.kind === 'enum') return FUTURE_SYMBOL;
  if (schema.kind === 'union') {
    const index = schema.types.findIndex((t) => pathToEnum(t, new Set()) !== undefined);
    const branch = schema.types[index]!;
    const branchNode = node.types![index]!;
    const fresh = branch.kind === 'record' ? sampleAvro(branch, branchNode, { rng }) : null;
    return unionValue(node, index, setAlong(branch, branchNode, fresh, fields, rng));
  }
  if (schema.kind !== 'record') return value;
  const [name, ...rest] = fields;
  const index = schema.fields.findIndex((f) => f.name === name);
  const record = { ...(value as Record<string, unknown>) };
  record[name!] = setAlong(schema.fields[index]!.type, node.fields![index]!.type, record[name!], rest, rng);
  return record;
}

/** Appends the future symbol to the definition of enum `fullName` in the schema's JSON; false when not found. */
function addSymbol(json: unknown, fullName: string, namespace: string | undefined): boolean {
  if (Array.isArray(json)) return json.some((item) => addSymbol(item, fullName, namespace));
  if (typeof json !== 'object' || json === null) return false;
  const schema = json as JsonSchema;
  const name = typeof schema.name === 'string' ? schema.name : undefined;
  const space = name?.includes('.') ? name.slice(0, name.lastIndexOf('.')) : typeof schema.namespace === 'string' ? schema.namespace || undefined : namespace;
  const full = name === undefined ? undefined : name.includes('.') ? name : space ? `${space}.${name}` : name;
  if (schema.type === 'enum' && full === fullName) {
    (schema.symbols as string[]).push(FUTURE_SYMBOL);
    return true;
  }
  const inner = name === undefined ? namespace : space;
  if (Array.isArray(schema.fields)) {
    return schema.fields.some((f) => addSymbol((f as JsonSchema).type, fullName, inner));
  }
  return ['type', 'items', 'values'].some((key) => typeof schema[key] === 'object' && addSymbol(schema[key], fullName, inner));
}

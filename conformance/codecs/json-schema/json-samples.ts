/**
 * Seeded JSON samples from a JSON Schema document: `$ref`s within the
 * document (`#/definitions/…`, `#/$defs/…`), `allOf` merged, one branch of
 * `oneOf`/`anyOf`, `enum`/`const`, types (a list rotates), objects with
 * every required property and optional ones present or not, arrays within
 * their bounds, strings by `format` or within their length, numbers within
 * their bounds. Edge sample `i` takes option `i` at every leaf, as for Avro.
 * `pattern` is honoured through `examples`/`default` only; the codec
 * validates every sample and drops what does not hold.
 */
import type { Prng } from '../../samples/prng.js';
import { EDGE_STRINGS, typicalString, typicalUuid } from '../avro/avro-edges.js';

type Schema = Record<string, unknown>;
const MAX_DEPTH = 5;

const FORMATS: Record<string, readonly string[]> = {
  'date-time': ['1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-11-23T12:30:00+01:00'],
  date: ['1970-01-01', '9999-12-31', '2026-02-28'],
  time: ['00:00:00Z', '23:59:59.999Z'],
  email: ['a@example.com', 'first.last+tag@example.co.uk'],
  uuid: ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  uri: ['https://example.com/', 'urn:isbn:0451450523'],
  hostname: ['example.com', 'a'],
  ipv4: ['0.0.0.0', '255.255.255.255'],
};

export class JsonSampler {
  constructor(private readonly root: Schema) {}

  sample(rng: Prng, edge?: number): unknown {
    return this.#node(this.root, rng, edge, 0);
  }

  #node(schema: unknown, rng: Prng, edge: number | undefined, depth: number): unknown {
    if (schema === true || schema === undefined) return edge === undefined ? typicalString(rng) : EDGE_STRINGS[edge % EDGE_STRINGS.length];
    if (typeof schema !== 'object' || schema === null) throw new Error('no value satisfies a false schema');
    const pick = <T>(values: readonly T[]): T => (edge === undefined ? rng.pick(values) : values[edge % values.length]!);
    let s = schema as Schema;
    if (typeof s.$ref === 'string') s = { ...this.#resolve(s.$ref), ...withoutKeys(s, ['$ref']) };
    if (Array.isArray(s.allOf)) s = (s.allOf as Schema[]).reduce((merged, part) => merge(merged, this.#deref(part)), withoutKeys(s, ['allOf']));
    const branches = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (Array.isArray(branches) && branches.length > 0) s = merge(withoutKeys(s, ['oneOf', 'anyOf']), this.#deref(pick(branches)));
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return pick(s.enum);
    const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [inferType(s)];
    const type = depth >= MAX_DEPTH && types.includes('null') ? 'null' : pick(types);
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return edge === undefined ? rng.bool() : edge % 2 === 1;
      case 'integer':
      case 'number':
        return number(s, type, rng, edge);
      case 'string':
        return string(s, rng, edge);
      case 'array':
        return this.#array(s, rng, edge, depth);
      default:
        return this.#object(s, rng, edge, depth);
    }
  }

  #object(s: Schema, rng: Prng, edge: number | undefined, depth: number): Record<string, unknown> {
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    const result: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(properties)) {
      const present = required.has(name) || (depth < MAX_DEPTH && (edge === undefined ? rng.bool(0.7) : edge % 2 === 0));
      if (present) result[name] = this.#node(property, rng, edge, depth + 1);
    }
    return result;
  }

  #array(s: Schema, rng: Prng, edge: number | undefined, depth: number): unknown[] {
    const min = typeof s.minItems === 'number' ? s.minItems : 0;
    const max = typeof s.maxItems === 'number' ? s.maxItems : 3;
    const wanted = depth >= MAX_DEPTH ? 0 : edge === undefined ? rng.int(0, 3) : [0, 1, 3][edge % 3]!;
    const tuple = (Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : undefined) as unknown[] | undefined;
    if (tuple) return tuple.map((item, i) => this.#node(item, rng, edge === undefined ? undefined : edge + i, depth + 1));
    const count = Math.min(Math.max(wanted, min), Math.max(min, max));
    return Array.from({ length: count }, (_, i) => this.#node(s.items, rng, edge === undefined ? undefined : edge + i, depth + 1));
  }

  #deref(schema: Schema): Schema {
    return typeof schema.$ref === 'string' ? { ...this.#resolve(schema.$ref), ...withoutKeys(schema, ['$ref']) } : schema;
  }

  #resolve(ref: string): Schema {
    if (!ref.startsWith('#')) throw new Error(`references to other documents are not followed (${ref})`);
    let node: unknown = this.root;
    for (const part of ref.slice(1).split('/').filter(Boolean)) {
      node = (node as Schema | undefined)?.[decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'))];
    }
    if (typeof node !== 'object' || node === null) throw new Error(`$ref ${ref} resolves to nothing`);
    return node as Schema;
  }
}

function number(s: Schema, type: string, rng: Prng, edge: number | undefined): number {
  const low = bound(s, 'minimum', 'exclusiveMinimum', 1) ?? (type === 'integer' ? -Number.MAX_SAFE_INTEGER : -Number.MAX_VALUE);
  const high = bound(s, 'maximum', 'exclusiveMaximum', -1) ?? (type === 'integer' ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE);
  const step = typeof s.multipleOf === 'number' ? s.multipleOf : type === 'integer' ? 1 : undefined;
  const edges = [0, low, high, 1, -1, ...(type === 'number' ? [1.5, Number.MIN_VALUE] : [])].filter((n) => n >= low && n <= high);
  const typical = Math.min(high, Math.max(low, rng.int(0, 100000) / (type === 'integer' ? 1 : 100)));
  const value = edge === undefined || edges.length === 0 ? typical : edges[edge % edges.length]!;
  return step === undefined ? value : Math.round(value / step) * step;
}

/** A bound, `exclusive` nudged by one unit (`direction`), in draft-04's boolean form or the later numeric one. */
function bound(s: Schema, inclusive: string, exclusive: string, direction: number): number | undefined {
  if (typeof s[exclusive] === 'number') return (s[exclusive] as number) + direction;
  if (typeof s[inclusive] !== 'number') return undefined;
  return s[exclusive] === true ? (s[inclusive] as number) + direction : (s[inclusive] as number);
}

function string(s: Schema, rng: Prng, edge: number | undefined): string {
  const examples = [...(Array.isArray(s.examples) ? s.examples : []), ...('default' in s ? [s.default] : [])].filter((e) => typeof e === 'string');
  if (typeof s.pattern === 'string' && examples.length > 0) return (edge === undefined ? rng.pick(examples) : examples[edge % examples.length]) as string;
  const formats = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
  if (formats) return edge === undefined ? (s.format === 'uuid' ? typicalUuid(rng) : rng.pick(formats)) : formats[edge % formats.length]!;
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const fits = (text: string) => [...text].length >= min && [...text].length <= max;
  const edges = EDGE_STRINGS.filter(fits);
  if (edge !== undefined && edges.length > 0) return edges[edge % edges.length]!;
  let text = typicalString(rng);
  while ([...text].length < min) text += typicalString(rng);
  return [...text].slice(0, Math.min(max, [...text].length)).join('');
}

function inferType(s: Schema): string {
  if (s.properties || s.required || s.additionalProperties !== undefined) return 'object';
  if (s.items || s.prefixItems) return 'array';
  return 'string';
}

function merge(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a, ...b };
  if (a.properties || b.properties) merged.properties = { ...(a.properties as object), ...(b.properties as object) };
  if (a.required || b.required) merged.required = [...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])])];
  return merged;
}

function withoutKeys(s: Schema, keys: string[]): Schema {
  return Object.fromEntries(Object.entries(s).filter(([key]) => !keys.includes(key)));
}

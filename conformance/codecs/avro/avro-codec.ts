/**
 * The Avro codec: samples from the registry's schema tree, bytes through the
 * avsc type of `AvroParsedSchema.avscType()`, and the expected state by
 * Avro schema resolution (avsc `createResolver`: writer fields the reader
 * lacks dropped, reader fields the writer lacks given their defaults, an
 * unknown enum symbol mapped to the reader's enum default or refused).
 */
import type { Type } from 'avsc';
import { AvroParsedSchema } from '../../../contracts/formats/avro/avro-format.js';
import type { AvroSchema } from '../../../contracts/formats/avro/model.js';
import { ToolError } from '../../errors.js';
import type { Prng } from '../../samples/prng.js';
import type { FutureWriter, Mismatch, SchemaCodec } from '../codec.js';
import type { Json } from '../json.js';
import { asNode, unionValue, type AvscNode } from './avsc-node.js';
import { avroCanonical, avroCompare } from './avro-compare.js';
import { avroFutures } from './avro-future.js';
import { edgeCount, sampleAvro } from './avro-samples.js';

export class AvroCodec implements SchemaCodec {
  readonly #type: Type;
  readonly #node: AvscNode;
  readonly #resolvers = new Map<Type, ReturnType<Type['createResolver']>>();

  constructor(readonly parsed: AvroParsedSchema) {
    try {
      this.#type = parsed.avscType();
    } catch (error) {
      throw new ToolError((error as Error).message);
    }
    this.#node = asNode(this.#type);
  }

  private get schema(): AvroSchema {
    return this.parsed.schema;
  }

  fieldNames(): string[] {
    return this.schema.kind === 'record' ? this.schema.fields.map((f) => f.name) : [];
  }

  typical(rng: Prng): unknown {
    return sampleAvro(this.schema, this.#node, { rng });
  }

  edges(rng: Prng): unknown[] {
    return Array.from({ length: edgeCount(this.schema) }, (_, edge) => sampleAvro(this.schema, this.#node, { rng, edge }));
  }

  fieldKind(name: string): 'string' | 'integer' | 'other' | undefined {
    const found = this.#keyBranch(name);
    return found === undefined ? undefined : found.kind === undefined ? 'other' : found.kind === 'string' ? 'string' : 'integer';
  }

  withField(sample: unknown, name: string, value: string | number): unknown {
    const found = this.#keyBranch(name);
    if (found === undefined) throw new ToolError(`The state has no field ${name}`);
    if (found.kind === undefined) throw new ToolError(`Field ${name} must be a string, int or long to hold a key or sequence`);
    const typed = found.kind === 'string' ? String(value) : Number(value);
    return { ...(sample as object), [name]: found.branch < 0 ? typed : unionValue(found.node, found.branch, typed) };
  }

  /** The field's string, int or long type (a union's first such branch), or `kind` undefined when it has none. */
  #keyBranch(name: string): { kind?: string; branch: number; node: AvscNode } | undefined {
    const schema = this.schema;
    const index = schema.kind === 'record' ? schema.fields.findIndex((f) => f.name === name) : -1;
    if (schema.kind !== 'record' || index < 0) return undefined;
    const type = schema.fields[index]!.type;
    const node = this.#node.fields![index]!.type;
    const branches = type.kind === 'union' ? type.types.map((t, i) => [t.kind, i] as const) : [[type.kind, -1] as const];
    const [kind, branch] = branches.find(([k]) => k === 'string' || k === 'int' || k === 'long') ?? [undefined, -1];
    return { kind, branch, node };
  }

  encode(sample: unknown): Buffer {
    const problems: string[] = [];
    const valid = this.#type.isValid(sample, {
      errorHook: (path: string[], value: unknown) => problems.push(`${path.join('.') || '$'} = ${JSON.stringify(value)}`),
    });
    if (!valid) throw new Error(`sample does not match its schema at ${problems.slice(0, 3).join(', ')}`);
    const payload = this.#type.toBuffer(sample);
    // The expected state is decoded from these bytes, so a value avsc cannot round-trip would go unnoticed: refuse it.
    const before = JSON.stringify(this.canonical(sample));
    const after = JSON.stringify(this.canonical(this.#type.fromBuffer(payload)));
    if (before !== after) throw new Error(`avsc does not round-trip this sample: ${before} came back as ${after}`);
    return payload;
  }

  read(writer: SchemaCodec, payload: Buffer): unknown {
    if (!(writer instanceof AvroCodec)) throw new TypeError('An Avro reader reads Avro writers only');
    let resolver = this.#resolvers.get(writer.#type);
    if (!resolver) {
      resolver = this.#type.createResolver(writer.#type);
      this.#resolvers.set(writer.#type, resolver);
    }
    return this.#type.fromBuffer(payload, resolver);
  }

  canonical(value: unknown, fields?: readonly string[]): Json {
    return avroCanonical(this.schema, this.#node, value, fields);
  }

  compare(expected: unknown, actual: unknown, fields?: readonly string[]): Mismatch | undefined {
    return avroCompare(this.schema, this.#node, expected, actual, fields);
  }

  futures(rng: Prng): FutureWriter[] {
    return avroFutures(this.parsed, rng).map((future) => ({
      change: future.change,
      schema: future.parsed.canonical(),
      codec: new AvroCodec(future.parsed),
      sample: future.sample,
    }));
  }
}

export function avroCodec(parsed: unknown): AvroCodec {
  if (!(parsed instanceof AvroParsedSchema)) throw new TypeError('not an Avro schema');
  return new AvroCodec(parsed);
}

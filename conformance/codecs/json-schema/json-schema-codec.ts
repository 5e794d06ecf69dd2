/**
 * The JSON Schema codec: the payload is the state as UTF-8 JSON text
 * (Confluent's `KafkaJsonSchemaSerializer` after the magic byte and id).
 * JSON has no schema resolution: the expected state is the document as
 * written, compared on the properties the reader schema declares (all of
 * them when it declares none, or the projection), so a property a newer
 * writer added is neither required nor held against the replica. Samples
 * are validated against their schema with ajv before they are sent.
 */
import type { ValidateFunction } from 'ajv';
import { JsonParsedSchema } from '../../../contracts/formats/json-schema/json-schema-format.js';
import { parseJsonSchema } from '../../../contracts/formats/json-schema/json-schema-format.js';
import { ToolError } from '../../errors.js';
import type { Prng } from '../../samples/prng.js';
import type { FutureWriter, Mismatch, SchemaCodec } from '../codec.js';
import { firstDifference, toJson, type Json } from '../json.js';
import { JsonSampler } from './json-samples.js';
import { jsonValidator } from './json-validator.js';

const ATTEMPTS = 20;
export const FUTURE_FIELD = 'conformance_future_field';

export class JsonSchemaCodec implements SchemaCodec {
  readonly #root: Record<string, unknown>;
  readonly #sampler: JsonSampler;
  readonly #validate: ValidateFunction;

  constructor(readonly parsed: JsonParsedSchema) {
    this.#root = JSON.parse(parsed.canonical()) as Record<string, unknown>;
    this.#sampler = new JsonSampler(this.#root);
    try {
      this.#validate = jsonValidator(this.#root, parsed.draft);
    } catch (error) {
      throw new ToolError(`The JSON schema cannot be compiled for validation: ${(error as Error).message}`);
    }
  }

  get #properties(): Record<string, Record<string, unknown>> {
    return (this.#root.properties ?? {}) as Record<string, Record<string, unknown>>;
  }

  fieldNames(): string[] {
    return Object.keys(this.#properties);
  }

  typical(rng: Prng): unknown {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const sample = this.#sampler.sample(rng);
      if (this.#validate(sample)) return sample;
    }
    const errors = JSON.stringify(this.#validate.errors?.slice(0, 2));
    throw new ToolError(`No valid sample of this JSON schema in ${ATTEMPTS} attempts (give \`pattern\`s \`examples\`): ${errors}`);
  }

  edges(rng: Prng): unknown[] {
    return Array.from({ length: 16 }, (_, edge) => this.#sampler.sample(rng, edge)).filter((sample) => this.#validate(sample));
  }

  fieldKind(name: string): 'string' | 'integer' | 'other' | undefined {
    const property = this.#properties[name];
    if (!property) return undefined;
    const types = Array.isArray(property.type) ? property.type : [property.type];
    return types.includes('string') ? 'string' : types.includes('integer') ? 'integer' : 'other';
  }

  withField(sample: unknown, name: string, value: string | number): unknown {
    const kind = this.fieldKind(name);
    if (kind === undefined || kind === 'other') throw new ToolError(`Property ${name} must be a string or an integer to hold a key or sequence`);
    return { ...(sample as object), [name]: kind === 'string' ? String(value) : Number(value) };
  }

  encode(sample: unknown): Buffer {
    return Buffer.from(JSON.stringify(sample), 'utf8');
  }

  read(_writer: SchemaCodec, payload: Buffer): unknown {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown;
  }

  canonical(value: unknown, fields?: readonly string[]): Json {
    const json = toJson(value);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
    const keys = this.#keys(json, fields);
    return Object.fromEntries(Object.entries(json).filter(([key]) => keys.includes(key)));
  }

  compare(expected: unknown, actual: unknown, fields?: readonly string[]): Mismatch | undefined {
    const wanted = toJson(expected);
    const got = toJson(actual);
    if (typeof wanted !== 'object' || wanted === null || Array.isArray(wanted) || typeof got !== 'object' || got === null || Array.isArray(got)) {
      return firstDifference(wanted, got);
    }
    for (const key of this.#keys(wanted, fields)) {
      const found = firstDifference(wanted[key] ?? null, got[key] ?? null, `$.${key}`);
      if (found) return found;
    }
    return undefined;
  }

  /** The root properties compared: the projection, else those the schema declares, else the expected state's. */
  #keys(state: Record<string, Json>, fields?: readonly string[]): string[] {
    return fields ? [...fields] : this.fieldNames().length > 0 ? this.fieldNames() : Object.keys(state);
  }

  futures(rng: Prng): FutureWriter[] {
    if (this.#root.additionalProperties === false || this.#root.unevaluatedProperties === false || !this.#root.properties) return [];
    const schema = { ...this.#root, properties: { ...this.#properties, [FUTURE_FIELD]: { type: 'string' } } };
    const codec = new JsonSchemaCodec(parseJsonSchema(JSON.stringify(schema)));
    const sample = { ...(codec.typical(rng) as object), [FUTURE_FIELD]: 'written by a newer producer' };
    return [{ change: `a new property ${FUTURE_FIELD}`, schema: JSON.stringify(schema), codec, sample }];
  }
}

export function jsonSchemaCodec(parsed: unknown): JsonSchemaCodec {
  if (!(parsed instanceof JsonParsedSchema)) throw new TypeError('not a JSON schema');
  return new JsonSchemaCodec(parsed);
}

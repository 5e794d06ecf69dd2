/**
 * Generated JSON Schema serializers, as Confluent's JSON serializer frames
 * them: the value as UTF-8 JSON after the frame header. Values are checked
 * by ajv against the latest version both ways: before encoding (nothing is
 * changed), and after decoding, where ajv's `useDefaults` fills the
 * `default`s the writer left out (ajv skips defaults under `anyOf`, `oneOf`
 * and `not`). JSON data needs no writer schema to be read; an unknown id is
 * still fetched once, to check that it is a JSON Schema. Part of the
 * codegen runtime, copied into every generated folder.
 */
import { encodingId, latestVersion, ReaderTable, type Codec, type VersionInfo } from './codec.js';
import { DecodeError, EncodeError, type Issue } from './errors.js';
import { HEADER_LENGTH, writeHeader } from './wire.js';

/** The options the codec creates its two ajv instances with. */
export interface AjvOptions {
  strict: false;
  allErrors: true;
  validateSchema: false;
  logger: false;
  useDefaults: boolean;
}

/** What the codec needs of an ajv 8 instance (`Ajv`, `Ajv2019`, `Ajv2020`, ajv-draft-04's). */
export interface AjvLike {
  addSchema(schema: object, key?: string): unknown;
  compile(schema: object): ValidateFunction;
}

interface ValidateFunction {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: object; message?: string }[] | null;
}

export interface JsonCodecSpec {
  subject: string;
  versions: readonly VersionInfo[];
  /** The latest version's schema, as JSON text without `$schema` (the ajv class stands for the draft). */
  schema: string;
  /** Documents the schema references, by the name its `$ref`s use. */
  references: readonly { name: string; schema: string }[];
  /** A new ajv instance of the class for the schema's draft, formats added where the schema uses them. */
  ajv: (options: AjvOptions) => AjvLike;
}

export function createJsonCodec<State, Input>(spec: JsonCodecSpec): Codec<State, Input> {
  const { subject } = spec;
  const latest = latestVersion(subject, spec.versions);
  const compile = (useDefaults: boolean): ValidateFunction => {
    const ajv = spec.ajv({ strict: false, allErrors: true, validateSchema: false, logger: false, useDefaults });
    const root = JSON.parse(spec.schema) as object;
    const id = (root as { $id?: unknown }).$id;
    for (const reference of spec.references) {
      ajv.addSchema(JSON.parse(reference.schema) as object, reference.name);
      // A `$ref` resolves against the root's `$id`, so the reference is registered under that URL too.
      const resolved = typeof id === 'string' ? resolveUrl(reference.name, id) : undefined;
      if (resolved !== undefined && resolved !== reference.name) ajv.addSchema(JSON.parse(reference.schema) as object, resolved);
    }
    return ajv.compile(root);
  };
  const checkEncode = compile(false);
  const checkDecode = compile(true);

  const read = (bytes: Buffer, offset: number, id: number): State => {
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8', offset));
    } catch (error) {
      throw new DecodeError(subject, `bytes of schema id ${id} are not JSON: ${(error as Error).message}`, { cause: error });
    }
    if (!checkDecode(value)) {
      const issues = issuesOf(checkDecode).map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
      throw new DecodeError(subject, `the value written with schema id ${id} does not match version ${latest.version}: ${issues.join('; ')}`);
    }
    return value as State;
  };
  const table = new ReaderTable<State>(subject, spec.versions, (fetched) => {
    if (fetched.schemaType !== 'JSON') throw new Error(`schema id ${fetched.id} is ${fetched.schemaType}, not JSON`);
    return (bytes, offset) => read(bytes, offset, fetched.id);
  });
  for (const version of spec.versions) {
    const id = version.id;
    if (id !== undefined) table.add(id, (bytes, offset) => read(bytes, offset, id));
  }

  return {
    subject,
    encode(value: Input): Buffer {
      const id = encodingId(subject, latest);
      if (!checkEncode(value)) throw new EncodeError(subject, issuesOf(checkEncode));
      const text = JSON.stringify(value);
      const bytes = Buffer.allocUnsafe(HEADER_LENGTH + Buffer.byteLength(text));
      writeHeader(bytes, id);
      bytes.write(text, HEADER_LENGTH, 'utf8');
      return bytes;
    },
    decode: (bytes) => table.decode(bytes),
    decodeAsync: (bytes) => table.decodeAsync(bytes),
    field: (value, name) => (value as Record<string, unknown>)[name],
  };
}

function resolveUrl(name: string, base: string): string | undefined {
  try {
    return new URL(name, base).href;
  } catch {
    return undefined;
  }
}

/** ajv's errors as paths (`items[0].sku`) and its messages; a missing property is named in the path. */
function issuesOf(validate: ValidateFunction): Issue[] {
  return (validate.errors ?? []).map((error) => {
    const parts = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
    if (missing !== undefined) parts.push(missing);
    const path = parts.map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
    return { path, message: missing !== undefined ? 'is required' : (error.message ?? error.keyword) };
  });
}

/**
 * A CommonJS module's default export, whichever way the importing project's
 * module settings present it: `ajv-formats` and `ajv-draft-04` export only a
 * default, which TypeScript types as the module object under `NodeNext` and
 * as the export itself under `bundler`; at run time both carry `default`.
 */
export function interopDefault<M>(module: M): M extends { default: infer D } ? D : M {
  const withDefault = module as { default?: unknown };
  return (withDefault.default ?? module) as M extends { default: infer D } ? D : M;
}

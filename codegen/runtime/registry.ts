/**
 * Where generated decoders fetch the writer schema of an id they were not
 * generated with: a registry speaking Confluent's REST API
 * (`GET /schemas/ids/{id}`, references through
 * `GET /subjects/{subject}/versions/{version}`), set once per process with
 * `configureRegistry`, else taken from `CREG_REGISTRY_URL`. Each id is
 * fetched once; a failed fetch is not remembered, so the next call retries.
 * Part of the codegen runtime, copied into every generated folder.
 */

export interface RegistryOptions {
  /** The registry's base URL, e.g. `http://registry:8081`. */
  url: string;
  /** Sent with every request (authentication, for instance). */
  headers?: Record<string, string>;
}

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

/** A schema another one references, with its text. */
export interface ReferencedSchema {
  name: string;
  subject: string;
  version: number;
  schema: string;
}

/** A schema fetched by id, its references flattened, dependencies before dependants. */
export interface RegisteredSchema {
  id: number;
  schemaType: SchemaType;
  schema: string;
  references: ReferencedSchema[];
}

interface SchemaBody {
  schema?: string;
  schemaType?: string;
  references?: { name: string; subject: string; version: number }[];
}

let configured: RegistryOptions | undefined;
const fetched = new Map<string, Promise<RegisteredSchema>>();

/** Sets (or with `undefined` clears) the registry unknown schema ids are fetched from. */
export function configureRegistry(options: RegistryOptions | undefined): void {
  configured = options === undefined ? undefined : { url: options.url.replace(/\/+$/, ''), headers: { ...options.headers } };
}

/** The registry in use: the configured one, else `CREG_REGISTRY_URL`, else none. */
export function currentRegistry(): RegistryOptions | undefined {
  if (configured !== undefined) return configured;
  const url = typeof process === 'undefined' ? undefined : process.env['CREG_REGISTRY_URL']?.trim();
  return url ? { url: url.replace(/\/+$/, '') } : undefined;
}

/** The schema registered under `id`, fetched once per registry. */
export function fetchSchemaById(registry: RegistryOptions, id: number): Promise<RegisteredSchema> {
  const key = `${registry.url} ${id}`;
  let pending = fetched.get(key);
  if (pending === undefined) {
    pending = load(registry, id);
    fetched.set(key, pending);
    pending.catch(() => fetched.delete(key));
  }
  return pending;
}

async function load(registry: RegistryOptions, id: number): Promise<RegisteredSchema> {
  const body = await getJson(registry, `/schemas/ids/${id}`);
  const references: ReferencedSchema[] = [];
  await collectReferences(registry, body.references ?? [], references, new Set());
  return { id, schemaType: schemaTypeOf(body), schema: body.schema ?? '', references };
}

async function collectReferences(
  registry: RegistryOptions,
  list: { name: string; subject: string; version: number }[],
  into: ReferencedSchema[],
  seen: Set<string>,
): Promise<void> {
  for (const reference of list) {
    if (seen.has(reference.name)) continue;
    seen.add(reference.name);
    const body = await getJson(registry, `/subjects/${encodeURIComponent(reference.subject)}/versions/${reference.version}`);
    await collectReferences(registry, body.references ?? [], into, seen);
    into.push({ ...reference, schema: body.schema ?? '' });
  }
}

function schemaTypeOf(body: SchemaBody): SchemaType {
  const type = (body.schemaType ?? 'AVRO').toUpperCase();
  if (type === 'AVRO' || type === 'JSON' || type === 'PROTOBUF') return type;
  throw new Error(`unsupported schema type ${type}`);
}

async function getJson(registry: RegistryOptions, path: string): Promise<SchemaBody> {
  const url = `${registry.url}${path}`;
  const response = await fetch(url, { headers: { Accept: 'application/vnd.schemaregistry.v1+json, application/json', ...registry.headers } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as SchemaBody;
}

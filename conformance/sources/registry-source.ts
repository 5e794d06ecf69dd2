/**
 * A contract read from a registry over Confluent's API: the subject's
 * versions (`GET /subjects/{s}/versions`), then each version with its
 * schema, id and metadata (`GET /subjects/{s}/versions/{v}`), references
 * resolved by reading the versions they name, each schema parsed by the
 * registry's own format plug-in. Soft-deleted versions are included on
 * request: data written with them may still be on the topic. The HTTP calls
 * go through a `RegistryReader`, which the CLI makes from the typed client
 * (with its credentials and timeouts).
 */
import { formatFor } from '../../contracts/formats/index.js';
import type { Metadata, ResolvedReference, SchemaReference, SchemaType } from '../../contracts/schema.js';
import { ecstSettings, type Contract, type ContractVersion } from '../contract.js';
import { ToolError } from '../errors.js';

/** Confluent's `Schema` entity, as `GET /subjects/{s}/versions/{v}` answers it. */
export interface SchemaEntity {
  subject: string;
  version: number;
  id: number;
  schemaType?: string;
  schema: string;
  references?: SchemaReference[];
  metadata?: Metadata;
  deleted?: boolean;
}

/** The two reads the checker makes; failures are thrown as `ToolError`s saying what failed. */
export interface RegistryReader {
  readonly url: string;
  /** The subject's version numbers (soft-deleted ones too when asked); undefined when it has none (40401). */
  versions(subject: string, includeDeleted: boolean): Promise<number[] | undefined>;
  /** One version, soft-deleted or not. */
  version(subject: string, version: number | 'latest'): Promise<SchemaEntity>;
}

export interface RegistrySourceOptions {
  includeDeleted?: boolean;
  /** Only these versions (default: all). */
  versions?: number[];
}

export async function contractFromRegistry(reader: RegistryReader, subject: string, options: RegistrySourceOptions = {}): Promise<Contract> {
  const numbers = await reader.versions(subject, options.includeDeleted === true);
  if (numbers === undefined || numbers.length === 0) throw new ToolError(`Subject ${subject} is not registered at ${reader.url}`);
  const wanted = options.versions ? numbers.filter((n) => options.versions!.includes(n)) : numbers;
  if (wanted.length === 0) {
    throw new ToolError(`Subject ${subject} has none of versions ${options.versions!.join(', ')} (it has ${numbers.join(', ')})`);
  }
  const versions: ContractVersion[] = [];
  for (const number of [...wanted].sort((a, b) => a - b)) {
    versions.push(await contractVersion(reader, await reader.version(subject, number)));
  }
  const schemaType = versions[0]!.schemaType;
  const other = versions.find((v) => v.schemaType !== schemaType);
  if (other) throw new ToolError(`Subject ${subject} mixes ${schemaType} and ${other.schemaType} versions`);
  return { subject, schemaType, versions, source: reader.url, registryUrl: reader.url };
}

async function contractVersion(reader: RegistryReader, entity: SchemaEntity): Promise<ContractVersion> {
  const schemaType = (entity.schemaType ?? 'AVRO') as SchemaType;
  const references = await resolve(reader, entity.references ?? []);
  let parsed;
  try {
    parsed = formatFor(schemaType).parse(entity.schema, references, { lenient: true });
  } catch (error) {
    throw new ToolError(`Version ${entity.version} of ${entity.subject} cannot be parsed: ${(error as Error).message}`);
  }
  return {
    version: entity.version,
    schemaId: entity.id,
    schemaType,
    schema: entity.schema,
    references,
    ...(entity.metadata && { metadata: entity.metadata }),
    parsed,
    ecst: ecstSettings(entity.metadata),
    ...(entity.deleted && { deleted: true }),
  };
}

/** The references of a schema, each with its text and its own references, read through `reader` (also `creg diff`'s). */
export async function resolve(reader: Pick<RegistryReader, 'version'>, references: SchemaReference[], depth = 0): Promise<ResolvedReference[]> {
  if (depth > 32) throw new ToolError('Schema references nest more than 32 deep');
  const resolved: ResolvedReference[] = [];
  for (const reference of references) {
    const entity = await reader.version(reference.subject, reference.version === -1 ? 'latest' : reference.version);
    resolved.push({
      name: reference.name,
      subject: reference.subject,
      version: entity.version,
      schemaType: (entity.schemaType ?? 'AVRO') as SchemaType,
      schema: entity.schema,
      references: await resolve(reader, entity.references ?? [], depth + 1),
    });
  }
  return resolved;
}

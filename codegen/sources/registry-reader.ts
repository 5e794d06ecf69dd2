/**
 * Reads contracts from a registry through the typed client: every version of
 * a subject (`GET /subjects/{s}/versions`, then each version), references
 * resolved through the subjects they name, and the id of a contract file by
 * looking its schema up under its subject (`POST /subjects/{s}`).
 * Soft-deleted versions are left out, as the registry lists them. A failure
 * is an error saying what was asked and what the registry answered.
 */
import { createRegistryClient, type RegistryAuth, type RegistryClient, type RegistryFailure, type Result } from '../../client/registry-client.js';
import type { Metadata, ResolvedReference, SchemaReference, SchemaType } from '../../contracts/schema.js';
import type { ContractVersion } from '../model.js';

const REQUEST_TIMEOUT_MS = 30_000;

interface VersionBody {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: string;
  references?: SchemaReference[];
  metadata?: Metadata;
}

export class RegistryReader {
  readonly #client: RegistryClient;

  constructor(readonly url: string, auth?: RegistryAuth) {
    this.#client = createRegistryClient({ baseUrl: url, timeoutMs: REQUEST_TIMEOUT_MS, ...(auth && { auth }) });
  }

  /** Every version of a subject, oldest first. */
  async versions(subject: string): Promise<ContractVersion[]> {
    const numbers = this.#answer(await this.#client.versions(subject), `subject ${subject}`);
    const versions: ContractVersion[] = [];
    for (const version of [...numbers].sort((a, b) => a - b)) {
      const body: VersionBody = this.#answer(await this.#client.subjectVersion(subject, version), `${subject} version ${version}`);
      versions.push({
        version: body.version,
        id: body.id,
        schemaType: (body.schemaType ?? 'AVRO') as SchemaType,
        schema: body.schema,
        references: await this.#resolve(body.references ?? []),
        ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
      });
    }
    return versions;
  }

  /** The id and version of a schema registered under a subject. */
  async lookup(subject: string, schema: string, schemaType: SchemaType, references: SchemaReference[] = []): Promise<{ id: number; version: number }> {
    const found = await this.#client.lookup(subject, { schema, schemaType, references });
    if (found.error?.kind === 'http' && found.error.status === 404) {
      throw new Error(`the schema is not registered under ${subject} in ${this.url}; register it first, or generate without a registry`);
    }
    return this.#answer(found, `looking up a schema under ${subject}`);
  }

  async #resolve(references: SchemaReference[]): Promise<ResolvedReference[]> {
    const resolved: ResolvedReference[] = [];
    for (const reference of references) {
      const what = `reference ${reference.name} (${reference.subject} version ${reference.version})`;
      const body: VersionBody = this.#answer(await this.#client.subjectVersion(reference.subject, reference.version), what);
      resolved.push({
        name: reference.name,
        subject: reference.subject,
        version: body.version,
        schemaType: (body.schemaType ?? 'AVRO') as SchemaType,
        schema: body.schema,
        references: await this.#resolve(body.references ?? []),
      });
    }
    return resolved;
  }

  #answer<T>(result: Result<T>, what: string): T {
    if (result.error) throw new Error(`${what}: ${this.#describe(result.error)}`);
    return result.data;
  }

  #describe(failure: RegistryFailure): string {
    if (failure.kind === 'transport') return `cannot reach the registry at ${this.url}: ${failure.message}`;
    if (failure.status === 404) return `not found in ${this.url}`;
    return `${this.url} answered ${failure.status} (error code ${failure.errorCode}): ${failure.message}`;
  }
}

/**
 * Reads contracts from a registry over Confluent's REST API with `fetch`:
 * every version of a subject (`GET /subjects/{s}/versions`, then each
 * version), references resolved through the subjects they name, and the id
 * of a contract file by looking its schema up under its subject
 * (`POST /subjects/{s}`). Soft-deleted versions are left out, as the
 * registry lists them. A typed registry client replaces this later.
 */
import type { ResolvedReference, SchemaReference, SchemaType, Metadata } from '../../contracts/schema.js';
import type { ContractVersion } from '../model.js';

interface VersionBody {
  subject: string;
  version: number;
  id: number;
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
  metadata?: Metadata;
}

const ACCEPT = 'application/vnd.schemaregistry.v1+json, application/json';

export class RegistryReader {
  private readonly base: string;

  constructor(
    url: string,
    private readonly headers: Record<string, string> = {},
  ) {
    this.base = url.replace(/\/+$/, '');
  }

  /** Every version of a subject, oldest first. */
  async versions(subject: string): Promise<ContractVersion[]> {
    const numbers = await this.get<number[]>(`/subjects/${encodeURIComponent(subject)}/versions`, `subject ${subject}`);
    const versions: ContractVersion[] = [];
    for (const version of [...numbers].sort((a, b) => a - b)) {
      const body = await this.get<VersionBody>(`/subjects/${encodeURIComponent(subject)}/versions/${version}`, `${subject} version ${version}`);
      versions.push({
        version: body.version,
        id: body.id,
        schemaType: body.schemaType ?? 'AVRO',
        schema: body.schema,
        references: await this.resolve(body.references ?? []),
        ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
      });
    }
    return versions;
  }

  /** The id and version of a schema registered under a subject. */
  async lookup(subject: string, schema: string, schemaType: SchemaType, references: SchemaReference[] = []): Promise<VersionBody> {
    const path = `/subjects/${encodeURIComponent(subject)}`;
    const response = await this.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json', Accept: ACCEPT },
      body: JSON.stringify({ schema, schemaType, references }),
    });
    if (response.status === 404) {
      throw new Error(`the schema is not registered under ${subject} in ${this.base}; register it first, or generate without a registry`);
    }
    return this.body<VersionBody>(response, `looking up a schema under ${subject}`);
  }

  private async resolve(references: SchemaReference[]): Promise<ResolvedReference[]> {
    const resolved: ResolvedReference[] = [];
    for (const reference of references) {
      const body = await this.get<VersionBody>(
        `/subjects/${encodeURIComponent(reference.subject)}/versions/${reference.version}`,
        `reference ${reference.name} (${reference.subject} version ${reference.version})`,
      );
      resolved.push({
        name: reference.name,
        subject: reference.subject,
        version: body.version,
        schemaType: body.schemaType ?? 'AVRO',
        schema: body.schema,
        references: await this.resolve(body.references ?? []),
      });
    }
    return resolved;
  }

  private async get<T>(path: string, what: string): Promise<T> {
    const response = await this.request(path, { headers: { Accept: ACCEPT } });
    if (response.status === 404) throw new Error(`${what} not found in ${this.base}`);
    return this.body<T>(response, what);
  }

  private async request(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.base}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...this.headers } });
    } catch (error) {
      throw new Error(`cannot reach the registry at ${this.base}: ${(error as Error).message}`, { cause: error });
    }
  }

  private async body<T>(response: Response, what: string): Promise<T> {
    const text = await response.text();
    if (!response.ok) throw new Error(`${what}: ${this.base} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

/**
 * The writer schemas a run frames messages with, by schema id: the
 * contract's versions, and scratch schemas of future writers, which no
 * source registry holds and which get ids counted down from the top of the
 * id range. Module replicas read it through `ReplicaContext.schemaById`;
 * when the run serves a registry of its own (`run-registry.ts`), every
 * scratch schema is also registered there before a message framed with it
 * is delivered (`published()`), and `ReplicaContext.registryUrl` points at
 * it. A scratch schema is a soft-deleted version of the contract's subject,
 * numbered on from its last version: Confluent's deserializer looks the
 * writer up in the subject (`POST /subjects/{s}?deleted=true`) and walks the
 * versions between writer and reader, while `latest` (the reader of
 * `useLatestVersion`) stays the contract's own.
 */
import type { FutureWriter } from '../codecs/codec.js';
import type { Contract } from '../contract.js';
import { ToolError } from '../errors.js';
import type { ReplicaContext, ReplicaSchema } from './protocol.js';
import type { RunRegistry, RunRegistrySchema } from './run-registry.js';

const FIRST_SCRATCH_ID = 2 ** 31 - 1;

/** What the run registry serves of a contract: every version under its real subject, version and id. */
export function contractSchemas(contract: Contract): RunRegistrySchema[] {
  return contract.versions.map((v) => ({
    subject: contract.subject,
    version: v.version,
    id: v.schemaId,
    schemaType: v.schemaType,
    schema: v.schema,
    references: v.references,
    ...(v.metadata !== undefined && { metadata: v.metadata }),
    ...(v.deleted && { deleted: true }),
  }));
}

export class SchemaDirectory {
  readonly #schemas = new Map<number, ReplicaSchema>();
  readonly #scratchIds = new Map<FutureWriter, number>();
  readonly #registry: RunRegistry | undefined;
  #publishing: Promise<void> = Promise.resolve();

  constructor(
    readonly contract: Contract,
    options: { registry?: RunRegistry } = {},
  ) {
    this.#registry = options.registry;
    for (const v of contract.versions) {
      this.#schemas.set(v.schemaId, {
        id: v.schemaId,
        schemaType: v.schemaType,
        schema: v.schema,
        references: v.references.map((r) => ({ name: r.name, subject: r.subject, version: r.version, schema: r.schema })),
        version: v.version,
      });
    }
  }

  /** True when the run serves a registry holding the scratch schemas too. */
  get servesRegistry(): boolean {
    return this.#registry !== undefined;
  }

  /** The scratch id of a future writer, registered on first use. */
  scratchId(writer: FutureWriter): number {
    let id = this.#scratchIds.get(writer);
    if (id === undefined) {
      id = FIRST_SCRATCH_ID - this.#scratchIds.size;
      this.#scratchIds.set(writer, id);
      this.#schemas.set(id, { id, schemaType: this.contract.schemaType, schema: writer.schema, references: [] });
      this.#publish({
        subject: this.contract.subject,
        version: Math.max(...this.contract.versions.map((v) => v.version)) + this.#scratchIds.size,
        id,
        schemaType: this.contract.schemaType,
        schema: writer.schema,
        references: [],
        deleted: true,
      });
    }
    return id;
  }

  /** Resolves once every scratch schema handed out is readable from the run registry. */
  published(): Promise<void> {
    return this.#publishing;
  }

  #publish(schema: RunRegistrySchema): void {
    const registry = this.#registry;
    if (!registry) return;
    // One at a time, in order; a failure is the run's (exit 3), not the replica's.
    this.#publishing = this.#publishing.then(() =>
      registry.add(schema).catch((error: unknown) => {
        throw new ToolError(`The run registry did not take scratch schema ${schema.id}: ${(error as Error).message}`);
      }),
    );
  }

  context(): ReplicaContext {
    const source = this.contract.registryUrl;
    const url = this.#registry?.url ?? source;
    return {
      subject: this.contract.subject,
      ...(url !== undefined && { registryUrl: url }),
      ...(source !== undefined && { sourceRegistryUrl: source }),
      schemaById: (id) => this.#schemas.get(id),
    };
  }
}

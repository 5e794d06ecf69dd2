/**
 * The writer schemas a run frames messages with, by schema id: the
 * contract's versions, and scratch schemas of future writers, which no
 * registry holds and which get ids counted down from the top of the id
 * range. Module replicas read it through `ReplicaContext.schemaById`.
 */
import type { FutureWriter } from '../codecs/codec.js';
import type { Contract } from '../contract.js';
import type { ReplicaContext, ReplicaSchema } from './protocol.js';

const FIRST_SCRATCH_ID = 2 ** 31 - 1;

export class SchemaDirectory {
  readonly #schemas = new Map<number, ReplicaSchema>();
  readonly #scratchIds = new Map<FutureWriter, number>();

  constructor(readonly contract: Contract) {
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

  /** The scratch id of a future writer, registered on first use. */
  scratchId(writer: FutureWriter): number {
    let id = this.#scratchIds.get(writer);
    if (id === undefined) {
      id = FIRST_SCRATCH_ID - this.#scratchIds.size;
      this.#scratchIds.set(writer, id);
      this.#schemas.set(id, { id, schemaType: this.contract.schemaType, schema: writer.schema, references: [] });
    }
    return id;
  }

  context(): ReplicaContext {
    return {
      subject: this.contract.subject,
      ...(this.contract.registryUrl !== undefined && { registryUrl: this.contract.registryUrl }),
      schemaById: (id) => this.#schemas.get(id),
    };
  }
}

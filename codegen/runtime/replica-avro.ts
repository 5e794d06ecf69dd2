/**
 * The generated replica of an Avro contract: an unknown writer id is read
 * by a codec of that writer and the latest version (avsc's resolver from
 * one to the other), built once per id. Part of the codegen runtime.
 */
import { createAvroCodec, type AvroCodecSpec } from './avro-codec.js';
import type { Codec } from './codec.js';
import type { EcstContract } from './ecst.js';
import { createReplica, type Replica, type ReplicaOptions } from './replica.js';

export * from './replica.js';

export function createAvroReplica<State, Input, Field extends keyof State & string>(
  codec: Codec<State, Input>,
  spec: AvroCodecSpec,
  contract: EcstContract,
  options?: ReplicaOptions<State, Field>,
): Promise<Replica<Pick<State, Field>>> {
  const latest = spec.versions[spec.versions.length - 1]!;
  return createReplica(
    codec,
    contract,
    (schema) => {
      if (schema.schemaType !== 'AVRO') throw new Error(`it is ${schema.schemaType}, not AVRO`);
      return createAvroCodec<State, Input>({ ...spec, versions: [{ version: 0, id: schema.id, schemas: [...schema.references.map((r) => r.schema), schema.schema] }, latest] });
    },
    options,
  );
}

/**
 * The generated replica of a Protobuf contract: an unknown writer id is
 * read with the latest version's descriptor (fields match by number) once
 * the subject's message indexes in the writer's schema are known. Part of
 * the codegen runtime.
 */
import type { Codec } from './codec.js';
import type { EcstContract } from './ecst.js';
import { createProtobufCodec, indexesIn, type ProtobufCodecSpec } from './protobuf-codec.js';
import { createReplica, type Replica, type ReplicaOptions } from './replica.js';

export * from './replica.js';

export function createProtobufReplica<State, Input, Field extends keyof State & string>(
  codec: Codec<State, Input>,
  spec: ProtobufCodecSpec,
  contract: EcstContract,
  options?: ReplicaOptions<State, Field>,
): Promise<Replica<Pick<State, Field>>> {
  const latest = spec.versions[spec.versions.length - 1]!;
  return createReplica(
    codec,
    contract,
    (schema) => {
      if (schema.schemaType !== 'PROTOBUF') throw new Error(`it is ${schema.schemaType}, not PROTOBUF`);
      return createProtobufCodec<State, Input>({ ...spec, versions: [{ version: 0, id: schema.id, indexes: indexesIn(schema.schema, spec.messageName) }, latest] });
    },
    options,
  );
}

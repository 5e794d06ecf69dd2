/**
 * The generated replica of a JSON Schema contract: JSON needs no writer
 * schema to be read, so an unknown id is only checked to be a JSON Schema
 * and then read as the latest version (ajv, defaults filled in). Part of
 * the codegen runtime.
 */
import type { Codec } from './codec.js';
import type { EcstContract } from './ecst.js';
import { createJsonCodec, type JsonCodecSpec } from './json-codec.js';
import { createReplica, type Replica, type ReplicaOptions } from './replica.js';

export * from './replica.js';

export function createJsonReplica<State, Input, Field extends keyof State & string>(
  codec: Codec<State, Input>,
  spec: JsonCodecSpec,
  contract: EcstContract,
  options?: ReplicaOptions<State, Field>,
): Promise<Replica<Pick<State, Field>>> {
  const latest = spec.versions[spec.versions.length - 1]!;
  return createReplica(
    codec,
    contract,
    (schema) => {
      if (schema.schemaType !== 'JSON') throw new Error(`it is ${schema.schemaType}, not JSON`);
      return createJsonCodec<State, Input>({ ...spec, versions: [{ version: 0, id: schema.id }, latest] });
    },
    options,
  );
}

/** What a generated Avro module imports, as one namespace (`creg`). Part of the codegen runtime. */
export { createAvroCodec } from './avro-codec.js';
export { asUuid, isUuid, type Uuid } from './avro-logical-types.js';
export type { Codec } from './codec.js';
export { createEcst, type ConsumedMessage, type EcstEvent, type EcstMessage } from './ecst.js';

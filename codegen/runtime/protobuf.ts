/** What a generated Protobuf module imports, as one namespace (`creg`). Part of the codegen runtime. */
export { createProtobufCodec } from './protobuf-codec.js';
export type { Codec } from './codec.js';
export { createEcst, type ConsumedMessage, type EcstEvent, type EcstMessage } from './ecst.js';

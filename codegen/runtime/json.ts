/** What a generated JSON Schema module imports, as one namespace (`creg`). Part of the codegen runtime. */
export { createJsonCodec, interopDefault } from './json-codec.js';
export type { Codec } from './codec.js';
export { createEcst, type ConsumedMessage, type EcstEvent, type EcstMessage } from './ecst.js';

/**
 * What codegen reads and writes: contracts (a subject and its versions,
 * from the registry or from files) in, files out. A version's schema text
 * comes with its references resolved, as the registry's formats parse it.
 */
import type { Metadata, ResolvedReference, SchemaType } from '../contracts/schema.js';

export interface ContractVersion {
  version: number;
  /** The registry's schema id; absent for a contract file that was never registered. */
  id?: number;
  schemaType: SchemaType;
  schema: string;
  references: ResolvedReference[];
  metadata?: Metadata;
}

export interface SubjectContract {
  subject: string;
  /** The name its types go by (`Customer`); by default the schema's own name, else one made from the subject. */
  name?: string;
  /** Oldest first; the last is the latest, which encoders write. */
  versions: ContractVersion[];
  /**
   * Avro only: how `long` is typed and read. `number` (the default) is
   * avsc's, refused beyond ±(2^53 − 1); `bigint` takes every 64-bit value
   * (`"avroLong": "bigint"` in creg.config.json).
   */
  avroLong?: 'number' | 'bigint';
}

export interface GeneratedFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  text: string;
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** Things that generate but deserve a look, e.g. an old version the latest cannot read. */
  warnings: string[];
}

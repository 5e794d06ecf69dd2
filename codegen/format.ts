/**
 * What a schema format contributes to a subject's module; one implementation
 * per format folder (`avro/`, `json-schema/`, `protobuf/`), listed once in
 * `formats.ts`.
 */
import type ts from 'typescript';
import type { EntityNames } from './entity.js';
import type { ContractVersion, SubjectContract } from './model.js';
import type { NameAllocator } from './ts/names.js';

export interface FormatParts {
  /** Format-library imports the codec needs (the ajv class of a JSON Schema draft). */
  imports: ts.Statement[];
  /** Each version's types, the latest's aliases, the input types. */
  declarations: ts.Statement[];
  /** The codec's spec, the argument of the runtime's `create…Codec`. */
  codecSpec: ts.Expression;
  /** The latest state's top-level fields, which `ecst.key` and `field:` sequences must name. */
  fields: ReadonlySet<string>;
  warnings: string[];
}

export interface FormatGenerator {
  /** The runtime module generated code imports as `creg` (`runtime/<name>.ts`), and the codec factory in it. */
  runtime: { module: string; createCodec: string };
  /** Runtime files this format needs besides the common ones. */
  runtimeFiles: readonly string[];
  /** The schema's own name for its type (record, title, message), if it has one. */
  entityName(subject: string, latest: ContractVersion): string | undefined;
  build(contract: SubjectContract, entity: EntityNames, names: NameAllocator): FormatParts;
}

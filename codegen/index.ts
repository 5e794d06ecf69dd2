/**
 * Codegen: TypeScript types and serializers for the contracts a service
 * uses, from the registry or from contract files. `readContracts` reads,
 * `generate` turns contracts into files, `writeOutput` / `compareOutput`
 * put them on disk or check them there (`creg codegen [--check]`).
 */
export { readConfig, DEFAULT_CONFIG_FILE, type CodegenConfig, type SubjectEntry } from './config.js';
export { generate } from './generate.js';
export type { ContractVersion, GeneratedFile, GenerateResult, SubjectContract } from './model.js';
export { compareOutput, isFresh, writeOutput, type OutputDifferences } from './output.js';
export { readContracts } from './read-contracts.js';
export { parseSchemaType, subjectOfFile } from './sources/contract-files.js';

/**
 * `generate`: contracts in, files out — one module per subject, the index,
 * and the runtime those modules import. Pure and deterministic: subjects
 * are ordered by name, nothing of the environment (time, registry URL)
 * enters the output, so the same contracts give byte-identical files.
 */
import type { SchemaType } from '../contracts/schema.js';
import { REPLICA_RUNTIME_FILES, replicaRuntime } from './ecst.js';
import { entityNames, type EntityNames } from './entity.js';
import { FORMATS } from './formats.js';
import { indexModule, type IndexEntry } from './index-module.js';
import type { GenerateResult, GeneratedFile, SubjectContract } from './model.js';
import { COMMON_RUNTIME_FILES, runtimeFiles } from './runtime-files.js';
import { subjectModule } from './subject-module.js';
import { moduleFileName, NameAllocator, nameFromSubject, pascalCase } from './ts/names.js';

export function generate(contracts: readonly SubjectContract[]): GenerateResult {
  const sorted = [...contracts].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  checkDistinct(sorted);
  const files: GeneratedFile[] = [];
  const warnings: string[] = [];
  const entries: IndexEntry[] = [];
  const runtime = new Set<string>(COMMON_RUNTIME_FILES);
  const types = new Set<SchemaType>();
  const entityByName = new Map<string, string>();

  for (const contract of sorted) {
    const schemaType = schemaTypeOf(contract);
    const format = FORMATS[schemaType];
    types.add(schemaType);
    format.runtimeFiles.forEach((f) => runtime.add(f));
    const latest = contract.versions[contract.versions.length - 1]!;
    const base = pascalCase(contract.name ?? format.entityName(contract.subject, latest) ?? nameFromSubject(contract.subject));
    const clash = entityByName.get(base);
    if (clash !== undefined) {
      throw new Error(`${clash} and ${contract.subject} would both generate ${base}: set "name" for one of them in creg.config.json`);
    }
    entityByName.set(base, contract.subject);
    const names = new NameAllocator();
    let entity: EntityNames;
    try {
      entity = entityNames(base, contract.versions.map((v) => v.version), names);
      const file = moduleFileName(contract.subject);
      const module = subjectModule(contract, format, entity, names);
      files.push({ path: file, text: module.text });
      warnings.push(...module.warnings);
      entries.push({ subject: contract.subject, file, entity, ecst: module.ecst });
      if (module.ecst) [...REPLICA_RUNTIME_FILES, replicaRuntime(format).file].forEach((f) => runtime.add(f));
    } catch (error) {
      const message = (error as Error).message;
      throw new Error(message.startsWith(contract.subject) ? message : `${contract.subject}: ${message}`, { cause: error });
    }
  }
  files.push({ path: 'index.ts', text: indexModule(entries, types.has('AVRO')) });
  files.push(...runtimeFiles(runtime));
  return { files, warnings };
}

function schemaTypeOf(contract: SubjectContract): SchemaType {
  if (contract.versions.length === 0) throw new Error(`${contract.subject}: no versions to generate from`);
  const types = new Set(contract.versions.map((v) => v.schemaType));
  if (types.size > 1) throw new Error(`${contract.subject}: versions of several schema types (${[...types].join(', ')}); generate from one`);
  return contract.versions[0]!.schemaType;
}

function checkDistinct(contracts: readonly SubjectContract[]): void {
  const files = new Map<string, string>();
  for (const { subject } of contracts) {
    const file = moduleFileName(subject).toLowerCase();
    const other = files.get(file);
    if (other !== undefined) throw new Error(`${other} and ${subject} would both be written to ${moduleFileName(subject)}`);
    files.set(file, subject);
  }
}

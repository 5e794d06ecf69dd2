/**
 * The generated replica under `creg conform`: code generated from one of
 * the checker's fixture contracts (`test/conformance/fixtures/contracts/`,
 * with the checker's schema ids), compiled under `strict` together with a
 * module that only wraps the generated `createReplica` (the store from
 * `CREG_REPLICA_TEST_STORE`: `memory`, `sqlite`, or a `postgres://` URL),
 * and the checker run against that module in-process.
 */
import { contractFromFiles, moduleAttachment, runConformance, type ConformanceReport, type Contract } from '../../../conformance/index.js';
import { generate, type SubjectContract } from '../../../codegen/index.js';
import { moduleFileName } from '../../../codegen/ts/names.js';
import { compileGenerated, type CompiledOutput } from './compiled-output.js';

export const CHECKER_CONTRACTS = new URL('../../conformance/fixtures/contracts/', import.meta.url).pathname;
export const SEED = 20261123;

/** The contract as codegen reads it: the checker's versions and ids, the ECST metadata on the latest. */
export function codegenContract(contract: Contract): SubjectContract {
  const last = contract.versions[contract.versions.length - 1]!;
  const sequence = last.ecst.sequenceField === undefined ? `header:${last.ecst.sequenceHeader}` : `field:${last.ecst.sequenceField}`;
  return {
    subject: contract.subject,
    versions: contract.versions.map((v) => ({
      version: v.version,
      id: v.schemaId,
      schemaType: v.schemaType,
      schema: v.schema,
      references: v.references,
      ...(v === last ? { metadata: { properties: { 'ecst.key': last.ecst.keyField!, 'ecst.sequence': sequence } } } : {}),
    })),
  };
}

/** The whole wrapper: a store per replica the checker asks for, the checker's context passed through. */
export function wrapper(subject: string): string {
  return `import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReplica as generated } from './${moduleFileName(subject).replace(/\.ts$/, '.js')}';
import type { RegisteredSchema } from './runtime/registry.js';
import type { StoreOption } from './runtime/replica.js';

let count = 0;

function store(): StoreOption {
  const chosen = process.env['CREG_REPLICA_TEST_STORE'] ?? 'memory';
  count += 1;
  if (chosen === 'memory') return 'memory';
  if (chosen === 'sqlite') return { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'creg-replica-')), 'replica.db') };
  return { kind: 'postgres', connectionString: chosen, table: \`replica_\${process.pid}_\${count}\` };
}

export function createReplica(context: { registryUrl?: string; schemaById(id: number): RegisteredSchema | undefined }) {
  return generated({
    store: store(),
    ...(context.registryUrl === undefined ? {} : { registryUrl: context.registryUrl }),
    schemaById: (id) => context.schemaById(id),
  });
}
`;
}

export interface GeneratedReplica {
  contract: Contract;
  out: CompiledOutput;
  /** The emitted wrapper module, for `moduleAttachment`. */
  module: string;
  run(): Promise<ConformanceReport>;
}

export async function generatedReplica(folder: string, extraFiles: Record<string, string> = {}): Promise<GeneratedReplica> {
  const contract = await contractFromFiles(`${CHECKER_CONTRACTS}${folder}/`);
  const { files } = generate([codegenContract(contract)]);
  const out = compileGenerated(files, `replica-${folder}`, { 'conform-replica.ts': wrapper(contract.subject), ...extraFiles });
  const module = `${out.dir}/js/conform-replica.js`;
  return {
    contract,
    out,
    module,
    run: () => runConformance({ contract, attach: async (directory) => moduleAttachment(module, directory.context()), seed: SEED }),
  };
}

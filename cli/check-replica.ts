/**
 * `checkReplica`, the package's `contract-registry/conformance` entry: the
 * checker of `creg conform` run from a consumer's own test suite (node:test,
 * Jest, Vitest), resolving to the report when every scenario passes and
 * throwing a `ReplicaConformanceError` (an `AssertionError`, so test runners
 * show it as a failed assertion) listing the failed scenarios and why.
 *
 * Why it lives in cli/ and not in conformance/: a run serves a registry of
 * its own (`run-registry.ts`, over `createApp` and a temporary SQLite store),
 * which conformance/ may not build (DESIGN.md: it imports only contracts/
 * and codegen/). cli/ composes everything, the way `creg conform` does, and
 * this entry takes the command's options, checked by the same `conformPlan`,
 * so the two cannot drift apart.
 */
import { AssertionError } from 'node:assert';
import {
  contractFromFiles,
  contractFromRegistry,
  failingScenarios,
  functionAttachment,
  httpAttachment,
  moduleAttachment,
  renderReport,
  runConformance,
  type ConformanceReport,
  type CreateReplica,
} from '../conformance/index.js';
import { failureLines } from '../conformance/reports/failure-text.js';
import { conformPlan, type ConformOptions } from './commands/conform-plan.js';
import { registryReader } from './commands/conform-registry.js';
import { PACKAGE } from './package-info.js';
import { startRunRegistry } from './run-registry.js';

export { SCENARIOS, renderReport, failingScenarios } from '../conformance/index.js';
export type { ConformanceReport, CreateReplica, Replica, ReplicaContext, ReplicaMessage, ReplicaSchema } from '../conformance/index.js';

export interface CheckReplicaOptions {
  /** The contract from files: a folder of `v1.avsc` (or `.proto`, `.json`), `v2…`, and an optional `contract.json`. */
  contracts?: string;
  /** Or from a registry: its URL (credentials as below) and the subject. */
  registry?: string;
  subject?: string;
  username?: string;
  password?: string;
  token?: string;
  /** The replica: its `createReplica` function, or the path of a module exporting it. */
  replica?: CreateReplica | string;
  /** Or an HTTP replica (`creg conform --replica-url`); give `serveRegistry` for it to run `future-schema`. */
  replicaUrl?: string;
  /** Port of the run registry (0: a free one). Module and function replicas always get one. */
  serveRegistry?: number;
  /** Default: random (reported in the error, to repeat the run). */
  seed?: number;
  /** Only these scenarios (default: all). */
  scenarios?: string[];
  skip?: string[];
  versions?: number[];
  includeDeleted?: boolean;
  readerVersion?: number;
  fields?: string[];
  samples?: number;
  /** Longest wait for one replica call, in ms (default 10000). */
  timeoutMs?: number;
}

/** Thrown when a scenario failed; `report` holds every cell. */
export class ReplicaConformanceError extends AssertionError {
  readonly report: ConformanceReport;

  constructor(report: ConformanceReport) {
    super({ message: failureMessage(report), actual: failingScenarios(report), expected: [], operator: 'checkReplica' });
    this.name = 'ReplicaConformanceError';
    this.report = report;
  }
}

/** Runs every scenario against every version of the contract; the report, or a `ReplicaConformanceError`. */
export async function checkReplica(options: CheckReplicaOptions): Promise<ConformanceReport> {
  const replica = options.replica;
  const plan = conformPlan({
    ...pick(options, ['contracts', 'registry', 'subject', 'username', 'password', 'token', 'replicaUrl', 'includeDeleted']),
    ...(replica !== undefined && { replica: typeof replica === 'string' ? replica : '<createReplica>' }),
    ...(options.serveRegistry !== undefined && { serveRegistry: String(options.serveRegistry) }),
    ...(options.seed !== undefined && { seed: String(options.seed) }),
    ...(options.versions !== undefined && { versions: options.versions.join(',') }),
    ...(options.readerVersion !== undefined && { readerVersion: String(options.readerVersion) }),
    ...(options.fields !== undefined && { fields: options.fields.join(',') }),
    scenario: options.scenarios ?? [],
    skip: options.skip ?? [],
    samples: String(options.samples ?? 3),
    timeout: String(options.timeoutMs ?? 10_000),
    format: 'text',
    color: false,
  } satisfies ConformOptions);
  const contract = plan.client
    ? await contractFromRegistry(registryReader(plan.client), options.subject!, {
        includeDeleted: options.includeDeleted === true,
        ...(plan.versions && { versions: plan.versions }),
      })
    : await contractFromFiles(options.contracts!, { ...(plan.versions && { versions: plan.versions }) });
  if (options.subject !== undefined && !plan.client) contract.subject = options.subject;
  const runRegistry = plan.runRegistry;
  const report = await runConformance({
    contract,
    ...(runRegistry && { registry: (request) => startRunRegistry(request, runRegistry) }),
    attach: async (directory) => {
      const context = directory.context();
      if (typeof replica === 'function') return functionAttachment(replica, context, { timeoutMs: plan.timeoutMs });
      if (typeof replica === 'string') return moduleAttachment(replica, context, { timeoutMs: plan.timeoutMs });
      return httpAttachment(options.replicaUrl!, { timeoutMs: plan.timeoutMs, resolvesScratchSchemas: directory.servesRegistry });
    },
    seed: plan.seed,
    scenarios: plan.scenarios,
    ...(plan.readerVersion !== undefined && { readerVersion: plan.readerVersion }),
    ...(plan.fields !== undefined && { fields: plan.fields }),
    samples: plan.samples,
    tool: `checkReplica ${PACKAGE.version}`,
  });
  if (!report.summary.success) throw new ReplicaConformanceError(report);
  return report;
}

/** The failed scenarios, each with the versions it failed at and its first failure, then the full text report. */
function failureMessage(report: ConformanceReport): string {
  const failing = failingScenarios(report);
  const lines = [
    `Replica ${report.replica} does not conform to ${report.subject}: ${failing.length} scenario${failing.length === 1 ? '' : 's'} failed (${failing.join(', ')})`,
  ];
  for (const id of failing) {
    const cells = report.cells.filter((c) => c.scenario === id && c.status === 'fail');
    const first = cells[0]?.failures[0];
    lines.push(`  ${id} (${cells.map((c) => `v${c.version}`).join(', ')}): ${first ? failureLines(first, 160)[0] : 'failed'}`);
  }
  lines.push(`Repeat this run with seed ${report.seed}.`, '', renderReport(report, 'text'));
  return lines.join('\n');
}

function pick<T extends object, K extends keyof T>(object: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]])) as Partial<Pick<T, K>>;
}

/**
 * `runConformance`: every scenario against every version of the contract,
 * one cell at a time, into one report. The replica's declarations (reader
 * version, projection) are read first, from the replica or the options;
 * anything the run cannot start without is a `ToolError`. When given a
 * `registry` (the port in `replica/run-registry.ts`), the run serves one for
 * its length, closed when it ends, and replicas are pointed at it.
 */
import { latestVersion, versionOf, type Contract } from './contract.js';
import { ToolError } from './errors.js';
import { Harness } from './harness.js';
import type { ReplicaAttachment } from './replica/attachment.js';
import type { RunRegistry, ServeRunRegistry } from './replica/run-registry.js';
import { contractSchemas, SchemaDirectory } from './replica/schema-directory.js';
import { summarize, type ConformanceReport } from './report.js';
import { runCell, type CellResult } from './scenarios/cell.js';
import { SCENARIOS, type Scenario } from './scenarios/index.js';

export interface RunOptions {
  contract: Contract;
  /** Made with the run's schema directory, so that module replicas see scratch schemas. */
  attach(directory: SchemaDirectory): Promise<ReplicaAttachment>;
  /**
   * Serves a registry for the run (the contract's versions, the scratch
   * schemas, the rest from the contract's registry); its URL is
   * `ReplicaContext.registryUrl`. Without it replicas get the source URL.
   */
  registry?: ServeRunRegistry;
  seed: number;
  /** Default: every scenario. */
  scenarios?: readonly Scenario[];
  /** Override what the replica declares. */
  readerVersion?: number;
  fields?: string[];
  /** Typical samples per version in `readable` (default 3). */
  samples?: number;
  /** Called after each cell, e.g. to show progress. */
  onCell?(cell: CellResult): void;
  tool?: string;
}

export async function runConformance(options: RunOptions): Promise<ConformanceReport> {
  const started = Date.now();
  const { contract } = options;
  let registry: RunRegistry | undefined;
  try {
    registry = await options.registry?.({
      schemas: contractSchemas(contract),
      ...(contract.registryUrl !== undefined && { fallbackUrl: contract.registryUrl }),
    });
  } catch (error) {
    if (error instanceof ToolError) throw error;
    throw new ToolError(`Cannot start the run registry: ${(error as Error).message}`);
  }
  try {
    return await run(options, new SchemaDirectory(contract, { ...(registry && { registry }) }), started);
  } finally {
    await registry?.close();
  }
}

async function run(options: RunOptions, directory: SchemaDirectory, started: number): Promise<ConformanceReport> {
  const { contract } = options;
  const attachment = await options.attach(directory);
  try {
    const declared = await attachment.declaration();
    const readerVersion = options.readerVersion ?? declared.readerVersion;
    if (readerVersion !== undefined && !contract.versions.some((v) => v.version === readerVersion)) {
      throw new ToolError(`The replica reads version ${readerVersion}, which ${contract.subject} does not have here`);
    }
    const reader = readerVersion === undefined ? latestVersion(contract) : versionOf(contract, readerVersion);
    const fields = options.fields ?? declared.fields;
    const harness = new Harness({
      contract,
      reader,
      ...(fields !== undefined && { fields }),
      attachment,
      directory,
      seed: options.seed,
      samples: options.samples ?? 3,
    });
    const scenarios = options.scenarios ?? SCENARIOS;
    const cells: CellResult[] = [];
    for (const version of contract.versions) {
      for (const scenario of scenarios) {
        const cell = await runCell(harness, scenario, version);
        cells.push(cell);
        options.onCell?.(cell);
      }
    }
    return {
      subject: contract.subject,
      source: contract.source,
      replica: attachment.description,
      seed: options.seed,
      readerVersion: reader.version,
      ...(fields !== undefined && { fields }),
      versions: contract.versions.map((v) => ({ version: v.version, schemaId: v.schemaId, ...(v.deleted && { deleted: true }) })),
      scenarios: scenarios.map(({ id, title, purpose, checklist }) => ({ id, title, purpose, checklist })),
      cells,
      summary: summarize(cells),
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      tool: options.tool ?? 'creg',
    };
  } finally {
    await attachment.close();
  }
}

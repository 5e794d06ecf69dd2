/**
 * Runs the checker in-process on the fixture contract (`account-value`,
 * three versions) against one of the fixture replicas, with a fixed seed so
 * that failing sets are the same on every machine.
 */
import { contractFromFiles, moduleAttachment, runConformance, type ConformanceReport } from '../../../conformance/index.js';
import type { RunOptions } from '../../../conformance/runner.js';
import { FIXTURE_CONTRACT } from '../fixtures/memory-replica.js';

export const SEED = 20261123;

export function fixtureReplica(name: string): string {
  return new URL(`../fixtures/replicas/${name}.ts`, import.meta.url).pathname;
}

export async function runFixture(name: string, options: Partial<Omit<RunOptions, 'contract' | 'attach'>> = {}): Promise<ConformanceReport> {
  const contract = await contractFromFiles(FIXTURE_CONTRACT);
  return runConformance({ contract, attach: async (directory) => moduleAttachment(fixtureReplica(name), directory.context()), seed: SEED, ...options });
}

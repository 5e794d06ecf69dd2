/**
 * How long a conformance run takes over a 5-version Avro contract, with and
 * without the run's own registry (the registry `creg conform` serves so that
 * replicas using Confluent clients resolve every writer, future ones
 * included), side by side in one run: the same contract, seed and correct
 * replica, the two alternating over a few rounds, each keeping its best
 * round (other load on the machine only slows a round down). Without the
 * run registry the scratch schemas reach the replica through
 * `context.schemaById` only.
 * Runs alone with `node --import tsx bench/conformance.ts`.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRegistryServer } from '../cli/run-registry.js';
import { contractFromFiles, moduleAttachment, runConformance } from '../conformance/index.js';

const ROUNDS = Number(process.env.BENCH_CONFORMANCE_ROUNDS ?? 3);
const SEED = 20261204;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const FIXTURE = here('../test/conformance/fixtures/contracts/account-value/');
const REPLICA = here('../test/conformance/fixtures/replicas/correct.ts');

/** The fixture's three versions, and two more that each add an optional field. */
function fiveVersions(dir: string): void {
  for (const file of ['contract.json', 'v1.avsc', 'v2.avsc', 'v3.avsc']) copyFileSync(join(FIXTURE, file), join(dir, file));
  const v3 = JSON.parse(readFileSync(join(FIXTURE, 'v3.avsc'), 'utf8')) as { fields: object[] };
  const v4 = { ...v3, fields: [...v3.fields, { name: 'region', type: ['null', 'string'], default: null }] };
  const v5 = { ...v4, fields: [...v4.fields, { name: 'tier', type: ['null', 'string'], default: null }] };
  writeFileSync(join(dir, 'v4.avsc'), JSON.stringify(v4, null, 2));
  writeFileSync(join(dir, 'v5.avsc'), JSON.stringify(v5, null, 2));
}

async function timedRun(folder: string, withRegistry: boolean): Promise<{ ms: number; scenarios: number; success: boolean }> {
  const contract = await contractFromFiles(folder);
  const started = performance.now();
  const report = await runConformance({
    contract,
    attach: async (directory) => moduleAttachment(REPLICA, directory.context()),
    seed: SEED,
    ...(withRegistry && { registry: runRegistryServer() }),
  });
  return { ms: performance.now() - started, scenarios: report.cells.length, success: report.summary.success };
}

export async function runConformanceBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'creg-bench-conformance-'));
  try {
    fiveVersions(dir);
    const best = { without: Number.POSITIVE_INFINITY, with: Number.POSITIVE_INFINITY };
    let cells = 0;
    // A first run of each warms module loading and the JIT.
    await timedRun(dir, false);
    await timedRun(dir, true);
    for (let round = 0; round < ROUNDS; round++) {
      for (const withRegistry of [false, true]) {
        const run = await timedRun(dir, withRegistry);
        if (!run.success) throw new Error(`the correct replica failed a run (${withRegistry ? 'with' : 'without'} the run registry)`);
        cells = run.scenarios;
        const key = withRegistry ? 'with' : 'without';
        best[key] = Math.min(best[key], run.ms);
      }
    }
    console.log(`\nconformance run: 5 Avro versions, ${cells} scenario cells, best of ${ROUNDS} rounds\n`);
    console.log(`${'run'.padEnd(30)}${'ms'.padStart(9)}`);
    console.log(`${'without the run registry'.padEnd(30)}${best.without.toFixed(0).padStart(9)}`);
    console.log(`${'with the run registry'.padEnd(30)}${best.with.toFixed(0).padStart(9)}`);
    console.log(`\nthe run registry costs ${(best.with - best.without).toFixed(0)} ms per run (${(best.with / best.without).toFixed(2)}×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runConformanceBench();

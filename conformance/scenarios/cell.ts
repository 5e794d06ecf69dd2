/**
 * One cell of the matrix: a scenario run against one contract version. It
 * gives the scenario its seeded context, opens a fresh replica per step and
 * closes it after, and turns the scenario's end into a result: passed,
 * failed (with its failures), or skipped (not applicable, or blocked by an
 * unreadable version).
 */
import type { FutureWriter } from '../codecs/codec.js';
import type { Event } from '../events.js';
import { versionOf, type ContractVersion } from '../contract.js';
import type { Harness } from '../harness.js';
import { Prng } from '../samples/prng.js';
import { Blocked, NotApplicable, type Failure, type Scenario, type ScenarioContext, type Step } from './scenario.js';
import { StepRun } from './step.js';

export type CellStatus = 'pass' | 'fail' | 'skipped';

export interface CellResult {
  version: number;
  scenario: string;
  status: CellStatus;
  /** Why a cell was skipped. */
  reason?: string;
  failures: Failure[];
  durationMs: number;
}

export async function runCell(harness: Harness, scenario: Scenario, version: ContractVersion): Promise<CellResult> {
  const started = performance.now();
  const context = new Cell(harness, scenario.id, version);
  const result = (status: CellStatus, reason?: string): CellResult => ({
    version: version.version,
    scenario: scenario.id,
    status,
    ...(reason !== undefined && { reason }),
    failures: context.failures,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    await scenario.check(context);
  } catch (error) {
    if (error instanceof NotApplicable || error instanceof Blocked) return result('skipped', error.message);
    throw error;
  }
  return result(context.failures.length > 0 ? 'fail' : 'pass');
}

class Cell implements ScenarioContext {
  readonly failures: Failure[] = [];
  readonly rng: Prng;
  #futures: FutureWriter[] | undefined;

  constructor(
    private readonly harness: Harness,
    private readonly scenarioId: string,
    readonly version: ContractVersion,
  ) {
    this.rng = Prng.from(harness.seed, scenarioId, version.version);
  }

  get contract() {
    return this.harness.contract;
  }

  get reader() {
    return this.harness.reader;
  }

  get seed() {
    return this.harness.seed;
  }

  get samples() {
    return this.harness.samples;
  }

  get resolvesScratchSchemas() {
    return this.harness.attachment.resolvesScratchSchemas;
  }

  skip(reason: string): never {
    throw new NotApplicable(reason);
  }

  async requireReadable(...versions: number[]): Promise<void> {
    for (const number of new Set(versions)) {
      const problem = await probe(this.harness, number);
      if (problem !== undefined) throw new Blocked(`blocked: v${number} is not readable (see readable): ${problem}`);
    }
  }

  futures(): FutureWriter[] {
    return (this.#futures ??= this.harness.codec(this.version.version).futures(this.rng.fork('futures')));
  }

  async step(title: string, body: (step: Step) => Promise<void>): Promise<void> {
    await this.#run(title, this.failures, body);
  }

  async stillFails(events: readonly Event[]): Promise<boolean> {
    const failures: Failure[] = [];
    await this.#run('trial', failures, async (step) => {
      const sent = this.harness.attachment.isolated ? events : step.rekey(events);
      await step.deliver(sent);
      await step.expect([...new Set(sent.map((e) => e.key))]);
    });
    return failures.length > 0;
  }

  async #run(title: string, failures: Failure[], body: (step: Step) => Promise<void>): Promise<void> {
    const replica = await this.harness.attachment.open();
    const label = `${this.scenarioId}.v${this.version.version}`;
    const step = new StepRun(this.harness, title, label, this.rng.fork(title), this.version.version, replica, failures);
    try {
      await body(step);
    } finally {
      await step.closeOpened();
      await replica.close();
    }
  }
}

/** Whether one typical upsert written with `version` ends as expected in a fresh replica; the first failure's message if not. */
function probe(harness: Harness, version: number): Promise<string | undefined> {
  let result = harness.probes.get(version);
  if (!result) {
    result = (async () => {
      const cell = new Cell(harness, 'probe', versionOf(harness.contract, version));
      await cell.step('probe', async (step) => {
        const key = step.key();
        await step.deliver([step.upsert(key, 1)]);
        await step.expect([key]);
      });
      return cell.failures[0]?.message;
    })();
    harness.probes.set(version, result);
  }
  return result;
}

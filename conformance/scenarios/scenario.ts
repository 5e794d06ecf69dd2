/**
 * What a scenario is (`{ id, purpose, check }`, one per file, listed in
 * `index.ts`, as buf lists its rules), and what its `check` works with:
 * a context for the cell (one contract version × this scenario) whose steps
 * each run on a fresh replica, send events and compare the replica's state
 * with the oracle. A check never throws for a replica's fault: it records
 * failures; it throws only to skip the cell (`skip`, `requireReadable`).
 */
import type { Contract, ContractVersion } from '../contract.js';
import type { FutureWriter } from '../codecs/codec.js';
import type { Json } from '../codecs/json.js';
import type { Event, SentEvent } from '../events.js';
import type { ReplicaSession } from '../replica/attachment.js';
import type { Prng } from '../samples/prng.js';

export interface Scenario {
  /** Stable, kebab-case; what `--scenario` and reports name. */
  id: string;
  title: string;
  /** One sentence: what a correct replica does. */
  purpose: string;
  /** Rows of the reference checklist (C01–C24) it covers. */
  checklist: string[];
  check(ctx: ScenarioContext): Promise<void>;
}

export interface ScenarioContext {
  readonly contract: Contract;
  /** The version of this cell's row: the writer the scenario is about. */
  readonly version: ContractVersion;
  /** The replica's reader version. */
  readonly reader: ContractVersion;
  /** Seeded for this scenario and version. */
  readonly rng: Prng;
  /** The run's seed (`--seed` repeats the run). */
  readonly seed: number;
  /** Typical samples per version the `readable` scenario sends (`--samples`). */
  readonly samples: number;
  /** Ends the cell as skipped: the scenario does not apply here. */
  skip(reason: string): never;
  /** Ends the cell as skipped when a version is not readable at all, since `readable` already fails for it. */
  requireReadable(...versions: number[]): Promise<void>;
  /** Newer producers' schemas of this version (see `SchemaCodec.futures`). */
  futures(): FutureWriter[];
  /** True when the replica resolves scratch schema ids (module replicas); future writers need it. */
  readonly resolvesScratchSchemas: boolean;
  /** Runs one step on a fresh replica (or, over HTTP, the shared one with keys of its own). */
  step(title: string, body: (step: Step) => Promise<void>): Promise<void>;
  /** Whether these events, sent to a fresh replica (under fresh keys), still end wrong; nothing is recorded. */
  stillFails(events: readonly Event[]): Promise<boolean>;
}

export type PoisonKind = 'empty-bytes' | 'bad-magic-byte' | 'unknown-schema-id' | 'truncated';

export interface Step {
  /** A key no other step or run uses. */
  key(): string;
  /** A typical sample written with a version (default: the row's). */
  sample(version?: number): unknown;
  /** Edge samples of a version (default: the row's). */
  edges(version?: number): unknown[];
  upsert(key: string, sequence: number, options?: { version?: number; sample?: unknown }): Event;
  tombstone(key: string, sequence: number): Event;
  poison(key: string, sequence: number, kind: PoisonKind): Event;
  /** An upsert written by a newer producer, framed with a scratch schema id. */
  future(key: string, sequence: number, writer: FutureWriter): Event;
  /** The same events under fresh keys (for a replay on a shared replica). */
  rekey(events: readonly Event[]): Event[];
  /** Applies events in order to the step's replica (or `to`), checking each is taken or refused as it must be. */
  deliver(events: readonly Event[], to?: ReplicaSession): Promise<void>;
  /** Compares the state of each key with the oracle over what was delivered to that replica in this step. */
  expect(keys: readonly string[], to?: ReplicaSession): Promise<void>;
  /** Another fresh, empty replica; undefined when the attachment shares one replica. */
  fresh(): Promise<ReplicaSession | undefined>;
  /** Records a failure the helpers above do not cover. */
  fail(message: string, details?: Partial<Failure>): void;
  /** The keys this step recorded failures for, in order. */
  failedKeys(): string[];
}

/** What was expected of, or seen at, a key. */
export type Observation =
  | { state: Json }
  | { absent: true }
  | { rejected: true }
  | { accepted: true }
  | { error: string };

export interface Failure {
  /** The step's title. */
  step: string;
  message: string;
  key?: string;
  /** What was sent, in delivery order (for one key when the failure is about one). */
  sent: SentEvent[];
  expected?: Observation;
  actual?: Observation;
  /** Where the states first differ. */
  path?: string;
}

/** Thrown by `skip`: the scenario does not apply to this cell. */
export class NotApplicable extends Error {}

/** Thrown by `requireReadable`: the cell cannot run because a version it writes with is not readable. */
export class Blocked extends Error {}

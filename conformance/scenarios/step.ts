/**
 * One step of a scenario: events built for fresh keys, delivered to a
 * replica in order, each taken or refused as it must be, then the state of
 * each key compared with the oracle (`../oracle.ts`) over what that replica
 * was sent in the step. Failures name the step and carry what was sent,
 * what was expected and what the replica answered.
 */
import type { FutureWriter } from '../codecs/codec.js';
import { versionOf } from '../contract.js';
import { describeEvent, poisonEvent, tombstoneEvent, upsertEvent, type Event, type Writer } from '../events.js';
import type { Harness } from '../harness.js';
import { winner } from '../oracle.js';
import type { ReplicaSession } from '../replica/attachment.js';
import type { Prng } from '../samples/prng.js';
import { poisonBytes, POISON_NOTES } from './poison-bytes.js';
import type { Failure, Observation, PoisonKind, Step } from './scenario.js';

/** How much of a long stream a failure shows. */
const MAX_SENT_SHOWN = 40;

export class StepRun implements Step {
  readonly #delivered = new Map<ReplicaSession, Event[]>();
  /** Keys whose valid messages a replica refused: already failed, their state is not compared. */
  readonly #refused = new Map<ReplicaSession, Set<string>>();
  readonly #opened: ReplicaSession[] = [];
  readonly #failedKeys: string[] = [];
  readonly #expectations = new WeakMap<Event, { value: unknown } | { error: string }>();

  constructor(
    private readonly harness: Harness,
    private readonly title: string,
    private readonly label: string,
    private readonly rng: Prng,
    private readonly defaultVersion: number,
    readonly replica: ReplicaSession,
    private readonly failures: Failure[],
  ) {}

  key(): string {
    return this.harness.nextKey(this.label);
  }

  sample(version = this.defaultVersion): unknown {
    return this.harness.codec(version).typical(this.rng);
  }

  edges(version = this.defaultVersion): unknown[] {
    return this.harness.codec(version).edges(this.rng);
  }

  upsert(key: string, sequence: number, options: { version?: number; sample?: unknown } = {}): Event {
    const version = versionOf(this.harness.contract, options.version ?? this.defaultVersion);
    const codec = this.harness.codec(version.version);
    const writer: Writer = { schemaId: version.schemaId, codec, label: `v${version.version}`, version: version.version };
    return this.#upsert(key, sequence, writer, options.sample ?? codec.typical(this.rng), this.harness.ecst(version));
  }

  future(key: string, sequence: number, future: FutureWriter): Event {
    const id = this.harness.directory.scratchId(future);
    const writer: Writer = { schemaId: id, codec: future.codec, label: `newer producer (${future.change})` };
    return this.#upsert(key, sequence, writer, future.sample, this.harness.ecst(this.harness.reader), future.change);
  }

  #upsert(key: string, sequence: number, writer: Writer, sample: unknown, ecst: ReturnType<Harness['ecst']>, note?: string): Event {
    let state = sample;
    if (ecst.keyField !== undefined && writer.codec.fieldKind(ecst.keyField) !== undefined) {
      state = writer.codec.withField(state, ecst.keyField, key);
    }
    if (ecst.sequenceField !== undefined) state = writer.codec.withField(state, ecst.sequenceField, sequence);
    const provisional = upsertEvent(key, sequence, ecst.sequenceHeader, writer, state);
    const expectation = this.#expectation(provisional);
    // A newer producer's state the reader cannot read must be refused; a registered version's is the replica's failure.
    const mustReject = 'error' in expectation && writer.version === undefined;
    const event = { ...provisional, mustReject, ...(note !== undefined && { note }) };
    this.#expectations.set(event, expectation);
    return event;
  }

  tombstone(key: string, sequence: number): Event {
    return tombstoneEvent(key, sequence, this.harness.ecst(this.harness.reader).sequenceHeader);
  }

  poison(key: string, sequence: number, kind: PoisonKind): Event {
    const written = this.upsert(key, sequence);
    const bytes = poisonBytes(kind, {
      good: written.message.value!,
      writer: written.writer!.codec,
      reader: this.harness.readerCodec,
      unusedSchemaId: Math.max(...this.harness.contract.versions.map((v) => v.schemaId)) + 1_000_003,
    });
    return poisonEvent(key, sequence, this.harness.ecst(this.harness.reader).sequenceHeader, bytes, POISON_NOTES[kind]);
  }

  rekey(events: readonly Event[]): Event[] {
    const keys = new Map<string, string>();
    return events.map((event) => {
      const key = keys.get(event.key) ?? this.key();
      keys.set(event.key, key);
      if (event.kind === 'tombstone') return this.tombstone(key, event.sequence);
      if (event.kind === 'poison' || !event.writer) return { ...event, key, message: { ...event.message, key } };
      if (event.writer.version === undefined) throw new Error('rekey does not take future writers');
      return this.upsert(key, event.sequence, { version: event.writer.version, sample: event.sample });
    });
  }

  async deliver(events: readonly Event[], to: ReplicaSession = this.replica): Promise<void> {
    // A scratch schema must be in the run registry before a message framed with it arrives.
    await this.harness.directory.published();
    const delivered = this.#delivered.get(to) ?? [];
    this.#delivered.set(to, delivered);
    for (const event of events) {
      delivered.push(event);
      const outcome = await to.apply(event.message);
      const expectation = event.kind === 'upsert' ? this.#expectation(event) : undefined;
      if (expectation && 'error' in expectation && !event.mustReject) {
        const refused = this.#refused.get(to) ?? new Set<string>();
        this.#refused.set(to, refused);
        if (refused.has(event.key)) continue;
        refused.add(event.key);
        this.fail(
          `Reader version ${this.harness.reader.version} cannot read ${event.writer!.label} (${expectation.error}): data written with it cannot be consumed`,
          { key: event.key, sent: [describeEvent(event)], actual: outcome.ok ? { accepted: true } : { error: outcome.error } },
        );
        continue;
      }
      if (event.mustReject && outcome.ok) {
        this.fail(`The replica accepted a message it must refuse (${event.note ?? 'unreadable'}) without reporting it`, {
          key: event.key,
          sent: [describeEvent(event)],
          expected: { rejected: true },
          actual: { accepted: true },
        });
      } else if (!event.mustReject && !outcome.ok) {
        const refused = this.#refused.get(to) ?? new Set<string>();
        this.#refused.set(to, refused);
        if (refused.has(event.key)) continue; // reported at the key's first refusal
        refused.add(event.key);
        this.fail(`The replica refused a valid message: ${outcome.error}`, {
          key: event.key,
          sent: this.#sentFor(to, event.key),
          expected: { accepted: true },
          actual: { error: outcome.error },
        });
      }
    }
  }

  async expect(keys: readonly string[], to: ReplicaSession = this.replica): Promise<void> {
    const delivered = this.#delivered.get(to) ?? [];
    for (const key of keys) {
      if (this.#refused.get(to)?.has(key)) continue;
      const best = winner(delivered, key);
      const expected = best?.kind === 'upsert' ? this.#expectation(best) : undefined;
      if (expected && 'error' in expected) {
        this.fail(`Reader version ${this.harness.reader.version} cannot read ${best!.writer!.label}: ${expected.error}`, { key });
        continue;
      }
      const answer = await to.get(key);
      const sent = this.#sentFor(to, key);
      if ('error' in answer) {
        this.fail(`get(${JSON.stringify(key)}) failed: ${answer.error}`, { key, sent, actual: { error: answer.error } });
        continue;
      }
      if (expected === undefined) {
        if (answer.present) {
          const why = best ? `deleted by the tombstone with sequence ${best.sequence}` : 'never created';
          this.fail(`Expected no state (${why}), but the replica has one`, {
            key,
            sent,
            expected: { absent: true },
            actual: { state: this.harness.readerCodec.canonical(answer.state, this.harness.fields) },
          });
        }
        continue;
      }
      const reader = this.harness.readerCodec;
      const wanted: Observation = { state: reader.canonical(expected.value, this.harness.fields) };
      if (!answer.present) {
        this.fail(`Expected the state of sequence ${best!.sequence} (${best!.writer!.label}), but the replica has none`, {
          key,
          sent,
          expected: wanted,
          actual: { absent: true },
        });
        continue;
      }
      const mismatch = reader.compare(expected.value, answer.state, this.harness.fields);
      if (mismatch) {
        const where = `at ${mismatch.path} expected ${JSON.stringify(mismatch.expected)}, got ${JSON.stringify(mismatch.actual)}`;
        this.fail(`Expected the state of sequence ${best!.sequence} (${best!.writer!.label}); ${where}`, {
          key,
          sent,
          expected: wanted,
          actual: { state: reader.canonical(answer.state, this.harness.fields) },
          path: mismatch.path,
        });
      }
    }
  }

  async fresh(): Promise<ReplicaSession | undefined> {
    if (!this.harness.attachment.isolated) return undefined;
    const session = await this.harness.attachment.open();
    this.#opened.push(session);
    return session;
  }

  fail(message: string, details: Partial<Failure> = {}): void {
    this.failures.push({ step: this.title, message, sent: [], ...details });
    if (details.key !== undefined && !this.#failedKeys.includes(details.key)) this.#failedKeys.push(details.key);
  }

  failedKeys(): string[] {
    return [...this.#failedKeys];
  }

  async closeOpened(): Promise<void> {
    await Promise.all(this.#opened.map((s) => s.close()));
  }

  #sentFor(to: ReplicaSession, key: string) {
    const events = (this.#delivered.get(to) ?? []).filter((e) => e.key === key);
    return events.slice(-MAX_SENT_SHOWN).map(describeEvent);
  }

  #expectation(event: Event): { value: unknown } | { error: string } {
    const known = this.#expectations.get(event);
    if (known) return known;
    let result: { value: unknown } | { error: string };
    try {
      result = { value: this.harness.readerCodec.read(event.writer!.codec, event.message.value!.subarray(5)) };
    } catch (error) {
      result = { error: (error as Error).message };
    }
    this.#expectations.set(event, result);
    return result;
  }
}

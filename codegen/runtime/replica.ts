/**
 * A generated replica of an ECST contract (DESIGN.md, "ECST conventions"),
 * what every consumer otherwise writes by hand: the newest state per key,
 * by sequence; a tombstone deletes and is remembered with its sequence, so
 * a stale update cannot bring the entity back while a newer one re-creates
 * it; a redelivered or stale event changes nothing; every version the code
 * knows is read as the latest (defaults filled in); a schema id it does not
 * know is resolved through `schemaById`, else fetched from the registry
 * (`registryUrl` and `headers`, else the one `configureRegistry` set) and
 * read as the latest too; a message that cannot be read is refused with a
 * `PoisonMessageError` and changes nothing. The sequence check and the
 * write are one transaction of the store (`replica-stores.ts`). Messages
 * are applied one at a time, in the order `apply` is called. The object it
 * returns is a `creg conform` replica as it is. Part of the codegen
 * runtime, copied into a generated folder that has an ECST contract.
 */
import type { Codec } from './codec.js';
import { createEcst, type ConsumedMessage, type Ecst, type EcstContract, type EcstEvent } from './ecst.js';
import { DecodeError, EcstError, UnknownSchemaError } from './errors.js';
import { currentRegistry, fetchSchemaById, type RegisteredSchema, type RegistryOptions } from './registry.js';
import { openStore, type ReplicaStore, type StoreOption } from './replica-stores.js';

export type { ReplicaStore, StoreOption, StoredEntry, SqliteStoreOptions, PostgresStoreOptions, BeforeCommit } from './replica-stores.js';

/** A change the replica applied, for callers who keep other views (`onChange`). */
export type ReplicaChange<Kept> = { kind: 'upsert'; key: string; sequence: bigint; state: Kept } | { kind: 'delete'; key: string; sequence: bigint };

export interface ReplicaOptions<State, Field extends keyof State & string> {
  /** Where the state lives: `'memory'` (the default), `{ kind: 'sqlite', file }`, `{ kind: 'postgres', connectionString }`, or a store of your own. */
  store?: StoreOption;
  /** The top-level fields to keep (a projection); all of the latest version's by default. */
  fields?: readonly Field[];
  /** The registry writer schemas of unknown ids are fetched from (`GET /schemas/ids/{id}`); default: `configureRegistry`'s, or `CREG_REGISTRY_URL`. */
  registryUrl?: string;
  /** Sent with every registry request (authentication, for instance). */
  headers?: Record<string, string>;
  /** Writer schemas by id, looked up before the registry (a checker's directory, or schemas you ship). */
  schemaById?(id: number): RegisteredSchema | undefined | Promise<RegisteredSchema | undefined>;
  /** Called after each applied change is committed (not for ignored ones). A rejection fails `apply`, after the commit. */
  onChange?(change: ReplicaChange<Pick<State, Field>>): void | Promise<void>;
}

export type ApplyOutcome = 'applied' | 'ignored';

export interface Replica<Kept> {
  /** Applies a consumed message (a kafkajs `KafkaMessage` is one): `'ignored'` for a redelivered or stale event. */
  apply(message: ConsumedMessage): Promise<ApplyOutcome>;
  /** The entity's state, or undefined when it is absent or deleted. */
  get(key: string): Promise<Kept | undefined>;
  /** The sequence last applied for the key, tombstones included. */
  sequenceOf(key: string): Promise<bigint | undefined>;
  close(): Promise<void>;
  /** The fields kept, when a projection was asked for. */
  readonly fields?: readonly string[];
}

export type PoisonReason = 'unknown-schema' | 'undecodable' | 'not-ecst';

/** A message the replica cannot apply: it changed nothing. Skip it (or park it) and go on. */
export class PoisonMessageError extends Error {
  override readonly name = 'PoisonMessageError';

  constructor(
    readonly subject: string,
    readonly reason: PoisonReason,
    readonly key: string | undefined,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${subject}: refused the message${key === undefined ? '' : ` for key ${JSON.stringify(key)}`}: ${detail}`, options);
  }
}

/** Builds the codec reading one more writer schema (an id the code was not generated with) as the latest version. */
export type WriterCodec<State, Input> = (schema: RegisteredSchema) => Codec<State, Input>;

export async function createReplica<State, Input, Field extends keyof State & string>(
  codec: Codec<State, Input>,
  contract: EcstContract,
  writerCodec: WriterCodec<State, Input>,
  options: ReplicaOptions<State, Field> = {},
): Promise<Replica<Pick<State, Field>>> {
  type Kept = Pick<State, Field>;
  const { subject } = codec;
  const store = (await openStore(options.store, subject)) as ReplicaStore<Kept>;
  const ecst = createEcst(codec, contract);
  const writers = new Map<number, Promise<Ecst<State, Input>>>();
  const fields = options.fields === undefined ? undefined : [...options.fields];
  const registry = (): RegistryOptions | undefined =>
    options.registryUrl !== undefined ? { url: options.registryUrl.replace(/\/+$/, ''), headers: { ...options.headers } } : currentRegistry();

  const writerSchema = async (id: number, key: string): Promise<RegisteredSchema> => {
    const local = await options.schemaById?.(id);
    if (local !== undefined) return local;
    const from = registry();
    if (from === undefined) throw new PoisonMessageError(subject, 'unknown-schema', key, `schema id ${id} is not a version this code knows, and no registry is configured to fetch it`);
    try {
      return await fetchSchemaById(from, id);
    } catch (error) {
      if (/answered 404/.test((error as Error).message)) {
        throw new PoisonMessageError(subject, 'unknown-schema', key, `schema id ${id} is not in the registry at ${from.url}`, { cause: error });
      }
      throw error; // the registry is unreachable: not the message's fault, so not poison; the next apply retries
    }
  };
  const writerFor = (id: number, key: string): Promise<Ecst<State, Input>> => {
    let pending = writers.get(id);
    if (pending === undefined) {
      pending = writerSchema(id, key).then((schema) => {
        try {
          return createEcst(writerCodec(schema), contract);
        } catch (error) {
          throw new PoisonMessageError(subject, 'undecodable', key, `schema id ${id} cannot be read: ${(error as Error).message}`, { cause: error });
        }
      });
      writers.set(id, pending);
      pending.catch(() => writers.delete(id));
    }
    return pending;
  };

  const eventOf = async (message: ConsumedMessage): Promise<EcstEvent<State>> => {
    const key = typeof message.key === 'string' ? message.key : message.key?.toString('utf8');
    try {
      try {
        return ecst.fromMessage(message);
      } catch (error) {
        if (!(error instanceof UnknownSchemaError)) throw error;
        return (await writerFor(error.schemaId, key ?? '')).fromMessage(message);
      }
    } catch (error) {
      if (error instanceof PoisonMessageError) throw error;
      if (error instanceof EcstError) throw new PoisonMessageError(subject, 'not-ecst', key, error.message, { cause: error });
      if (error instanceof DecodeError) throw new PoisonMessageError(subject, 'undecodable', key, error.message, { cause: error });
      throw error;
    }
  };
  const project = (state: State): Kept => {
    if (fields === undefined) return state;
    const kept: Partial<Kept> = {};
    for (const field of fields) kept[field] = state[field];
    return kept as Kept;
  };

  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    ...(fields === undefined ? {} : { fields }),
    apply: (message) =>
      serially(async () => {
        const event = await eventOf(message);
        const state = event.kind === 'upsert' ? project(event.state) : undefined;
        const written = await store.write(event.key, event.sequence, state);
        if (!written) return 'ignored';
        if (options.onChange) {
          await options.onChange(state === undefined ? { kind: 'delete', key: event.key, sequence: event.sequence } : { kind: 'upsert', key: event.key, sequence: event.sequence, state });
        }
        return 'applied';
      }),
    get: (key) => serially(async () => (await store.read(key))?.state),
    sequenceOf: (key) => serially(async () => (await store.read(key))?.sequence),
    close: () => serially(() => store.close()),
  };
}


/**
 * What a replica under test offers the checker, attached as a module
 * (`creg conform --replica ./replica.ts`): the module exports
 * `createReplica(context)`, returning (or resolving to) a `Replica`. The
 * checker calls it once per scenario step and expects a fresh, empty replica
 * each time. Modelled on Pact's message handlers (`(message) => Promise`)
 * with a state read added, since ECST is about the state a replica ends in.
 */

/** A Kafka-style message, as DESIGN.md's ECST conventions put it on the wire. */
export interface ReplicaMessage {
  /** The entity key. */
  key: string;
  /** The full state, Confluent-framed (magic byte 0, 4-byte schema id, payload); `null` is a tombstone. */
  value: Buffer | null;
  /** At least the sequence header (`ecst-sequence` unless the contract names another), decimal. */
  headers: Record<string, string>;
}

export interface Replica {
  /**
   * Applies one message. Returns (or resolves) when the message is applied,
   * or ignored as a duplicate or stale event. Throws (or rejects) when the
   * message cannot be processed (bad bytes, unknown schema id, a state its
   * reader cannot read): that is how a replica reports a poison message.
   */
  apply(message: ReplicaMessage): unknown;
  /** The current state for the key, in the replica's reader shape; `undefined` (or `null`) when absent. */
  get(key: string): unknown;
  close?(): unknown;
  /** The top-level fields the replica keeps, when it keeps a projection (default: all of the reader's). */
  fields?: readonly string[];
  /** The contract version the replica's reader schema is (default: the latest). */
  readerVersion?: number;
}

/** A writer schema as the checker frames messages with it. */
export interface ReplicaSchema {
  id: number;
  schemaType: 'AVRO' | 'JSON' | 'PROTOBUF';
  schema: string;
  /** References, resolved, as the registry serves them. */
  references: Array<{ name: string; subject: string; version: number; schema: string }>;
  /** The contract version; absent for scratch schemas written by a "newer producer". */
  version?: number;
}

/** What `createReplica` is given. */
export interface ReplicaContext {
  subject: string;
  /**
   * A Confluent-compatible registry to resolve writer schemas with, the
   * way production code does (`@kafkajs/confluent-schema-registry`,
   * `@confluentinc/schemaregistry`, `GET /schemas/ids/{id}`): the run's own
   * registry, which serves the contract's versions under their real ids and
   * subjects, the scratch schemas of the `future-schema` scenario, and
   * answers every other read from the source registry (read-only). When the
   * run serves none, the registry the contract was read from, if any.
   */
  registryUrl?: string;
  /** The registry the contract was read from, when it was read from one. */
  sourceRegistryUrl?: string;
  /**
   * Every writer schema the checker frames messages with, by schema id:
   * the contract's versions and the scratch schemas of the `future-schema`
   * scenario, which no source registry holds (the run registry at
   * `registryUrl` does). A replica may resolve writer schemas through this
   * instead of a registry client.
   */
  schemaById(id: number): ReplicaSchema | undefined;
}

export type CreateReplica = (context: ReplicaContext) => Replica | Promise<Replica>;

/**
 * Event-carried state transfer over a generated codec, by the conventions
 * of the registry's DESIGN.md: a message's key is the entity key as a
 * string; its value the full state in the wire format, or `null` for a
 * tombstone; its sequence a decimal string in a header (`header:<name>`),
 * or a field of the state (`field:<name>`, tombstones then carry it in the
 * `ecst-sequence` header). A tombstone never reaches a decoder. Sequences
 * are `bigint`s on the way in, so any 64-bit counter compares exactly. Part
 * of the codegen runtime, copied into every generated folder.
 */
import type { Codec } from './codec.js';
import { EcstError } from './errors.js';

/** A message to produce; kafkajs's `Message` accepts it as is. */
export interface EcstMessage {
  key: string;
  value: Buffer | null;
  headers: { [name: string]: string };
}

/** A consumed message; kafkajs's `KafkaMessage` is one. */
export interface ConsumedMessage {
  key: Buffer | string | null;
  value: Buffer | null;
  headers?: { [name: string]: Buffer | string | (Buffer | string)[] | undefined };
}

export type EcstEvent<State> =
  | { kind: 'upsert'; key: string; sequence: bigint; state: State }
  | { kind: 'delete'; key: string; sequence: bigint };

/** The contract's `ecst.key` and `ecst.sequence` metadata. */
export interface EcstContract {
  key: string;
  sequence: { header: string } | { field: string };
}

/** The header a tombstone's sequence travels in when the contract keeps the sequence in a field. */
export const TOMBSTONE_SEQUENCE_HEADER = 'ecst-sequence';

export interface Ecst<State, Input> {
  toMessage(state: Input, sequence?: bigint | number): EcstMessage;
  tombstone(key: string, sequence: bigint | number): EcstMessage;
  fromMessage(message: ConsumedMessage): EcstEvent<State>;
  fromMessageAsync(message: ConsumedMessage): Promise<EcstEvent<State>>;
}

export function createEcst<State, Input>(codec: Codec<State, Input>, contract: EcstContract): Ecst<State, Input> {
  const { subject } = codec;
  const header = 'header' in contract.sequence ? contract.sequence.header : TOMBSTONE_SEQUENCE_HEADER;
  const sequenceField = 'field' in contract.sequence ? contract.sequence.field : undefined;

  const keyOf = (state: State | Input): string => {
    const key = codec.field(state, contract.key);
    if (key === undefined || key === null) throw new EcstError(subject, `the state has no ${contract.key}, the entity key (ecst.key)`);
    return String(key);
  };
  const sequenceOfState = (state: State | Input, field: string): bigint =>
    toSequence(subject, codec.field(state, field), `field ${field}`);
  const upsert = (message: ConsumedMessage, state: State): EcstEvent<State> => {
    const key = messageKey(subject, message);
    const stateKey = keyOf(state);
    if (stateKey !== key) throw new EcstError(subject, `the message key ${JSON.stringify(key)} differs from the state's ${contract.key} ${JSON.stringify(stateKey)}`);
    const sequence = sequenceField === undefined ? headerSequence(subject, message, header) : sequenceOfState(state, sequenceField);
    return { kind: 'upsert', key, sequence, state };
  };
  const deleted = (message: ConsumedMessage): EcstEvent<State> => ({
    kind: 'delete',
    key: messageKey(subject, message),
    sequence: headerSequence(subject, message, header),
  });

  return {
    toMessage(state, sequence) {
      const key = keyOf(state);
      if (sequenceField !== undefined) return { key, value: codec.encode(state), headers: {} };
      if (sequence === undefined) throw new EcstError(subject, `toMessage needs the sequence: the contract carries it in the ${header} header`);
      return { key, value: codec.encode(state), headers: { [header]: toSequence(subject, sequence, 'the sequence').toString() } };
    },
    tombstone(key, sequence) {
      return { key, value: null, headers: { [header]: toSequence(subject, sequence, 'the sequence').toString() } };
    },
    fromMessage(message) {
      return message.value === null ? deleted(message) : upsert(message, codec.decode(message.value));
    },
    async fromMessageAsync(message) {
      return message.value === null ? deleted(message) : upsert(message, await codec.decodeAsync(message.value));
    },
  };
}

function messageKey(subject: string, message: ConsumedMessage): string {
  if (message.key === null || message.key === undefined) throw new EcstError(subject, 'the message has no key; ECST messages are keyed by entity');
  return typeof message.key === 'string' ? message.key : message.key.toString('utf8');
}

function headerSequence(subject: string, message: ConsumedMessage, name: string): bigint {
  const value = message.headers?.[name];
  if (value === undefined) throw new EcstError(subject, `the message has no ${name} header (the ECST sequence)`);
  if (Array.isArray(value)) throw new EcstError(subject, `the message has ${value.length} ${name} headers; the sequence must be one`);
  return toSequence(subject, typeof value === 'string' ? value : value.toString('utf8'), `the ${name} header`);
}

function toSequence(subject: string, value: unknown, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new EcstError(subject, `${what} is not an integer sequence: ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}`);
}

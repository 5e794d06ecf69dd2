/**
 * The events a scenario sends: upserts (a full state written with a contract
 * version, framed with its schema id), tombstones (`null` value), poison
 * (bytes no reader can take: checklist C14, C20) and upserts written by a
 * newer producer (C18, C19). Each keeps what reports show of it.
 */
import { frame } from '../contracts/wire-format.js';
import type { SchemaCodec } from './codecs/codec.js';
import type { Json } from './codecs/json.js';
import type { ReplicaMessage } from './replica/protocol.js';

export type EventKind = 'upsert' | 'tombstone' | 'poison';

/** Who wrote an upsert: a contract version, or a scratch schema of a newer producer. */
export interface Writer {
  schemaId: number;
  codec: SchemaCodec;
  /** `v2`, or `a newer producer (…)`. */
  label: string;
  version?: number;
}

export interface Event {
  kind: EventKind;
  key: string;
  sequence: number;
  message: ReplicaMessage;
  writer?: Writer;
  /** The state as written (writer-shaped). */
  sample?: unknown;
  /** True when a correct replica must refuse it: poison, or a state its reader cannot read. */
  mustReject: boolean;
  /** What is special about it (the poison's fault, a future writer's change). */
  note?: string;
}

/** What a failure report shows of an event. */
export interface SentEvent {
  key: string;
  sequence: number;
  kind: EventKind;
  writer?: string;
  schemaId?: number;
  state?: Json;
  /** Poison only: the value's bytes, base64. */
  bytes?: string | null;
  note?: string;
}

export function upsertEvent(key: string, sequence: number, header: string, writer: Writer, sample: unknown, mustReject = false, note?: string): Event {
  return {
    kind: 'upsert',
    key,
    sequence,
    message: { key, value: frame(writer.schemaId, writer.codec.encode(sample)), headers: { [header]: String(sequence) } },
    writer,
    sample,
    mustReject,
    ...(note !== undefined && { note }),
  };
}

export function tombstoneEvent(key: string, sequence: number, header: string): Event {
  return { kind: 'tombstone', key, sequence, message: { key, value: null, headers: { [header]: String(sequence) } }, mustReject: false };
}

export function poisonEvent(key: string, sequence: number, header: string, value: Buffer, note: string): Event {
  return { kind: 'poison', key, sequence, message: { key, value, headers: { [header]: String(sequence) } }, mustReject: true, note };
}

export function describeEvent(event: Event): SentEvent {
  return {
    key: event.key,
    sequence: event.sequence,
    kind: event.kind,
    ...(event.writer && { writer: event.writer.label, schemaId: event.writer.schemaId }),
    ...(event.writer && event.sample !== undefined && { state: event.writer.codec.canonical(event.sample) }),
    ...(event.kind === 'poison' && { bytes: event.message.value === null ? null : event.message.value.toString('base64') }),
    ...(event.note !== undefined && { note: event.note }),
  };
}

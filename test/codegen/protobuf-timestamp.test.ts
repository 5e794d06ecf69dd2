/**
 * `google.protobuf.Timestamp` as a `Date`: the well-known import resolves
 * (registered on the real registry without references, as Confluent
 * allows), the generated code compiles under `strict` with `Date` fields
 * (singular `Date | null`, repeated, map values, a oneof member, inside a
 * nested message), values round-trip to the millisecond, before 1970 too,
 * and nanoseconds below the millisecond are dropped on decode (towards the
 * past), as the generated docs say.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import protobuf from 'protobufjs';
import { generate, readContracts } from '../../codegen/index.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';
import { register } from './support/registry.js';

const PROTO = `syntax = "proto3";
package com.example.events;

import "google/protobuf/timestamp.proto";

message Appointment {
  string appointment_id = 1;
  google.protobuf.Timestamp starts_at = 2;
  repeated google.protobuf.Timestamp reminders = 3;
  map<string, google.protobuf.Timestamp> seen_by = 4;
  oneof ends {
    google.protobuf.Timestamp ends_at = 5;
    int32 minutes = 6;
  }
  Audit audit = 7;

  message Audit {
    google.protobuf.Timestamp changed_at = 1;
    string changed_by = 2;
  }
}
`;

/** Uses the types as a consumer would: `Date` methods on decoded fields. */
const CONSUMER = `import type { Appointment, AppointmentInput } from './appointment-value.js';

export function startsIso(appointment: Appointment): string | undefined {
  return appointment.starts_at?.toISOString();
}

export function lastReminder(appointment: Appointment): number | undefined {
  return appointment.reminders.at(-1)?.getTime();
}

export const input: AppointmentInput = { starts_at: new Date(0), ends: { case: 'ends_at', value: new Date(1) }, audit: { changed_at: new Date(2) } };
// @ts-expect-error a Timestamp is a Date, not its seconds and nanos
export const wrong: AppointmentInput = { starts_at: { seconds: 1, nanos: 0 } };
`;

interface AppointmentModule {
  encodeAppointment(value: unknown): Buffer;
  decodeAppointment(bytes: Uint8Array): Record<string, unknown>;
}

describe('google.protobuf.Timestamp as Date', () => {
  let server: TestServer;
  let out: CompiledOutput;
  let appointment: AppointmentModule;
  let consumer: { startsIso(value: unknown): string | undefined };
  let id: number;
  const type = protobuf.Root.fromJSON(protobuf.common.get('google/protobuf/timestamp.proto')!).add(protobuf.parse(PROTO, { keepCase: true }).root).resolveAll();

  before(async () => {
    server = await startTestServer();
    id = await register(server.url, 'appointment-value', PROTO, 'PROTOBUF');
    const { files, warnings } = generate(await readContracts([{ subject: 'appointment-value' }], server.url));
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'protobuf-timestamp', { 'consumer.ts': CONSUMER });
    appointment = await out.load<AppointmentModule>('appointment-value');
    consumer = await out.load('consumer');
  });
  after(async () => {
    out?.dispose();
    await server?.dispose();
  });

  test('compiles under strict, the consumer included, with no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test('types every Timestamp as a Date and declares no Timestamp interface', () => {
    const text = readFileSync(`${out.dir}/appointment-value.ts`, 'utf8').replace(/\s+/g, ' ');
    assert.match(text, / starts_at: Date \| null;/);
    assert.match(text, / reminders: Date\[\];/);
    assert.match(text, / seen_by: \{ \[key: string\]: Date; \};/);
    assert.match(text, / ends: \{ case: 'ends_at'; value: Date; \} \| \{ case: 'minutes'; value: number; \} \| \{ case: undefined; value\?: undefined; \};/);
    assert.match(text, / changed_at: Date \| null;/);
    assert.match(text, /nanoseconds below it are dropped on decode/);
    assert.doesNotMatch(text, /interface Timestamp/);
  });

  test('round-trips Dates to the millisecond, before 1970 too', () => {
    const value = {
      appointment_id: 'a-1',
      starts_at: new Date('2026-12-04T20:15:30.123Z'),
      reminders: [new Date('1969-07-20T20:17:40.999Z'), new Date(-1), new Date(0), new Date('0001-01-01T00:00:00.000Z'), new Date('9999-12-31T23:59:59.999Z')],
      seen_by: { ada: new Date(1_700_000_000_001) },
      ends: { case: 'ends_at', value: new Date('2026-12-04T21:00:00.500Z') },
      audit: { changed_at: new Date(1), changed_by: 'grace' },
    };
    const bytes = appointment.encodeAppointment(value);
    assert.equal(bytes.readInt32BE(1), id);
    assert.deepStrictEqual(appointment.decodeAppointment(bytes), value);
    assert.equal(consumer.startsIso(appointment.decodeAppointment(bytes)), '2026-12-04T20:15:30.123Z');
  });

  test('an unset Timestamp is null; a oneof member Timestamp is the case set', () => {
    assert.deepStrictEqual(appointment.decodeAppointment(appointment.encodeAppointment({ ends: { case: 'minutes', value: 30 } })), {
      appointment_id: '',
      starts_at: null,
      reminders: [],
      seen_by: {},
      ends: { case: 'minutes', value: 30 },
      audit: null,
    });
  });

  test('writes seconds and nanos, as protobufjs reads them', () => {
    const bytes = appointment.encodeAppointment({ starts_at: new Date(-1500), reminders: [new Date(2_000_123)] });
    const message = type.lookupType('com.example.events.Appointment');
    const decoded = message.toObject(message.decode(bytes.subarray(6)), { longs: String }) as { starts_at: object; reminders: object[] };
    assert.deepEqual(decoded.starts_at, { seconds: '-2', nanos: 500_000_000 });
    assert.deepEqual(decoded.reminders, [{ seconds: '2000', nanos: 123_000_000 }]);
  });

  test('drops nanoseconds below the millisecond on decode, towards the past', () => {
    const message = type.lookupType('com.example.events.Appointment');
    const written = (starts_at: object) => Buffer.concat([Buffer.from([0, 0, 0, 0, id, 0]), message.encode(message.fromObject({ starts_at })).finish()]);
    assert.deepStrictEqual(appointment.decodeAppointment(written({ seconds: 1_700_000_000, nanos: 123_999_999 }))['starts_at'], new Date(1_700_000_000_123));
    assert.deepStrictEqual(appointment.decodeAppointment(written({ seconds: -1, nanos: 999_999_999 }))['starts_at'], new Date(-1));
    assert.deepStrictEqual(appointment.decodeAppointment(written({ seconds: 0, nanos: 1 }))['starts_at'], new Date(0));
  });

  test('refuses what is not a valid Date in Timestamp range, naming the field', () => {
    assert.throws(
      () =>
        appointment.encodeAppointment({
          starts_at: { seconds: 1, nanos: 0 },
          reminders: [new Date(Number.NaN), new Date('+010000-01-01T00:00:00Z')],
          seen_by: { x: '2026-01-01' },
          ends: { case: 'ends_at', value: 0 },
        }),
      (error: Error & { issues?: { path: string; message: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        assert.deepEqual(error.issues?.map((i) => i.path).sort(), ['ends.value', 'reminders[0]', 'reminders[1]', 'seen_by["x"]', 'starts_at']);
        assert.match(error.message, /starts_at: expected a valid Date from 0001-01-01 to 9999-12-31 \(google\.protobuf\.Timestamp\)/);
        return true;
      },
    );
  });
});

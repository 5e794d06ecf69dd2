/**
 * Protobuf `oneof` as a discriminated union, protobuf-es's shape
 * (`{ case: 'email'; value: string } | … | { case: undefined; value?:
 * undefined }`): the generated types under `strict` narrow on `case` (a
 * consumer file that switches over it compiles, a wrong value does not),
 * every member — scalar, enum, message, a message that has a oneof of its
 * own, in a repeated field — round-trips, "none set" is `{ case: undefined }`,
 * proto3 `optional` stays a plain optional field, and the bytes are
 * protobufjs's own (another client reads the member it set).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import protobuf from 'protobufjs';
import { generate, type SubjectContract } from '../../codegen/index.js';
import { compileGenerated, declarationsWithAny, type CompiledOutput } from './support/compiled-output.js';

const PROTO = `syntax = "proto3";
package com.example.contacts;

message Contact {
  string contact_id = 1;
  // How to reach the contact.
  oneof channel {
    string email = 2;
    Postal postal = 3;
    Kind kind = 4;
    int64 pager = 5;
  }
  optional string nickname = 6;
  repeated Step steps = 7;

  enum Kind {
    NONE = 0;
    CARRIER_PIGEON = 1;
  }
}

message Postal {
  string city = 1;
  oneof box {
    string street = 2;
    int32 po_box = 3;
  }
}

message Step {
  oneof action {
    string call = 1;
    bool wait = 2;
  }
}
`;

const CONTRACT: SubjectContract = {
  subject: 'contact-value',
  versions: [{ version: 1, id: 41, schemaType: 'PROTOBUF', schema: PROTO, references: [] }],
};

/** A consumer of the types: narrows on `case`; `@ts-expect-error` marks what must not compile. */
const CONSUMER = `import type { Contact, ContactInput } from './contact-value.js';

export function describe(contact: Contact): string {
  const channel = contact.channel;
  switch (channel.case) {
    case 'email':
      return channel.value.toUpperCase();
    case 'postal':
      return channel.value.box.case === 'po_box' ? \`PO \${channel.value.box.value.toFixed(0)}\` : channel.value.city;
    case 'kind':
      return String(channel.value);
    case 'pager':
      return channel.value.padStart(3, '0');
    case undefined:
      return 'none';
  }
}

export const ok: ContactInput = { channel: { case: 'pager', value: 5 } };
// @ts-expect-error the value of 'email' is a string
export const wrongValue: ContactInput = { channel: { case: 'email', value: 5 } };
// @ts-expect-error no member 'fax'
export const wrongCase: ContactInput = { channel: { case: 'fax', value: 'x' } };
// @ts-expect-error members are not properties of their own
export const flat: ContactInput = { email: 'a@b.c' };
`;

interface ContactModule {
  encodeContact(value: unknown): Buffer;
  decodeContact(bytes: Uint8Array): Record<string, unknown>;
}

describe('Protobuf oneof as a discriminated union', () => {
  let out: CompiledOutput;
  let contact: ContactModule;
  let consumer: { describe(value: unknown): string };

  before(async () => {
    const { files, warnings } = generate([CONTRACT]);
    assert.deepEqual(warnings, []);
    out = compileGenerated(files, 'protobuf-oneof', { 'consumer.ts': CONSUMER });
    contact = await out.load<ContactModule>('contact-value');
    consumer = await out.load('consumer');
  });
  after(() => out?.dispose());

  test('compiles under strict, the consumer narrowing on case included, with no `any` in its declarations', () => {
    assert.equal(out.diagnostics, '');
    assert.deepEqual(declarationsWithAny(out), []);
  });

  test('types a oneof as one property, a union on `case`; proto3 optional stays optional', () => {
    const text = readFileSync(`${out.dir}/contact-value.ts`, 'utf8').replace(/\s+/g, ' ');
    assert.match(
      text,
      / channel: \{ case: 'email'; value: string; \} \| \{ case: 'postal'; value: PostalV1; \} \| \{ case: 'kind'; value: ContactKindV1 \| number; \} \| \{ case: 'pager'; value: string; \} \| \{ case: undefined; value\?: undefined; \};/,
    );
    assert.match(text, / channel\?: \{ case: 'email'; value: string; \} \| \{ case: 'postal'; value: PostalInput; \} \| \{ case: 'kind'; value: ContactKindV1 \| number; \} \| \{ case: 'pager'; value: string \| number; \} \| \{ case: undefined; value\?: undefined; \};/);
    assert.match(text, / nickname\?: string;/);
    assert.match(text, / box: \{ case: 'street'; value: string; \} \| \{ case: 'po_box'; value: number; \} \| \{ case: undefined; value\?: undefined; \};/);
    assert.doesNotMatch(text, / email\??: string;/);
  });

  const channels = [
    { case: 'email', value: 'ada@example.com' },
    { case: 'postal', value: { city: 'London', box: { case: 'street', value: 'Baker Street 221b' } } },
    { case: 'postal', value: { city: 'Leeds', box: { case: 'po_box', value: 42 } } },
    { case: 'postal', value: { city: 'York', box: { case: undefined } } },
    { case: 'kind', value: 'CARRIER_PIGEON' },
    { case: 'kind', value: 'NONE' },
    { case: 'pager', value: '9007199254740993' },
    { case: 'email', value: '' },
  ];
  for (const channel of channels) {
    test(`round-trips channel ${JSON.stringify(channel)}`, () => {
      const value = { contact_id: 'c-1', channel, steps: [{ action: { case: 'call', value: 'x' } }, { action: { case: 'wait', value: false } }, { action: { case: undefined } }] };
      assert.deepStrictEqual(contact.decodeContact(contact.encodeContact(value)), value);
    });
  }

  test('a member set to its zero value is still the one set (a oneof has presence)', () => {
    assert.deepStrictEqual(contact.decodeContact(contact.encodeContact({ channel: { case: 'email', value: '' } }))['channel'], { case: 'email', value: '' });
  });

  test('none set decodes as { case: undefined }, whether left out or given so; proto3 optional stays absent', () => {
    const expected = { contact_id: '', channel: { case: undefined }, steps: [] };
    assert.deepStrictEqual(contact.decodeContact(contact.encodeContact({})), expected);
    assert.deepStrictEqual(contact.decodeContact(contact.encodeContact({ channel: { case: undefined } })), expected);
    const decoded = contact.decodeContact(contact.encodeContact({ nickname: 'A' }));
    assert.equal(decoded['nickname'], 'A');
  });

  test('the consumer narrows decoded values', () => {
    assert.equal(consumer.describe(contact.decodeContact(contact.encodeContact({ channel: { case: 'email', value: 'a@b.c' } }))), 'A@B.C');
    assert.equal(consumer.describe(contact.decodeContact(contact.encodeContact({ channel: { case: 'postal', value: { city: 'Leeds', box: { case: 'po_box', value: 7 } } } }))), 'PO 7');
    assert.equal(consumer.describe(contact.decodeContact(contact.encodeContact({}))), 'none');
  });

  test('the bytes are the set member, as protobufjs reads them', () => {
    const type = protobuf.parse(PROTO, { keepCase: true }).root.lookupType('com.example.contacts.Contact');
    const bytes = contact.encodeContact({ contact_id: 'c-2', channel: { case: 'postal', value: { city: 'Hull', box: { case: 'po_box', value: 9 } } } });
    const message = type.toObject(type.decode(bytes.subarray(6)), { oneofs: true });
    assert.equal(message['channel'], 'postal');
    assert.deepEqual(message['postal'], { city: 'Hull', po_box: 9, box: 'po_box' });
    const written = Buffer.concat([bytes.subarray(0, 6), type.encode(type.fromObject({ contact_id: 'c-3', kind: 1 })).finish()]);
    assert.deepStrictEqual(contact.decodeContact(written)['channel'], { case: 'kind', value: 'CARRIER_PIGEON' });
  });

  test('refuses a oneof value of the wrong shape, naming it', () => {
    assert.throws(
      () =>
        contact.encodeContact({
          channel: { case: 'postal', value: { city: 3, box: { case: 'po_box' } } },
          steps: [{ action: 'call' }, { action: { case: undefined, value: 1 } }, { call: 'x' }],
        }),
      (error: Error & { issues?: { path: string; message: string }[] }) => {
        assert.equal(error.name, 'EncodeError');
        assert.deepEqual(error.issues?.map((i) => i.path).sort(), ['channel.value.box.value', 'channel.value.city', 'steps[0].action', 'steps[1].action.value', 'steps[2].call']);
        assert.match(error.message, /steps\[0\]\.action: expected \{ case, value \} with case one of 'call', 'wait' or undefined \(oneof action\)/);
        assert.match(error.message, /steps\[2\]\.call: is one of action: set it as action: \{ case: 'call', value \}/);
        return true;
      },
    );
    assert.throws(() => contact.encodeContact({ channel: { case: 'fax', value: '1' } }), /channel\.case: expected one of 'email', 'postal', 'kind', 'pager' or undefined, got/);
  });
});

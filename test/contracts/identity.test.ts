/**
 * Schema identity (MD5 → guid) against Confluent's golden corpus
 * (`core/schema-md5-golden-data.json`, driven upstream by
 * SchemaMD5RegressionTest.java), plus properties of the byte layout.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';

import { guidOf, schemaFingerprint, schemaGuid } from '../../contracts/identity.js';
import type { Metadata, RuleSet, SchemaReference } from '../../contracts/schema.js';
import { corpusSkip, readCorpusJson } from '../support/corpora.js';

interface GoldenData {
  schemas: { avro: string; protobuf: string; json: string };
  references: SchemaReference[];
  metadata: Metadata;
  rules: RuleSet;
  expectedHashes: Record<'AVRO' | 'PROTOBUF' | 'JSON', Record<string, string>>;
}

let golden: GoldenData | undefined;
function goldenData(): GoldenData {
  golden ??= readCorpusJson<GoldenData>('confluent/core/schema-md5-golden-data.json');
  return golden;
}

const GOLDEN_TYPES = [
  { type: 'AVRO', key: 'avro' },
  { type: 'PROTOBUF', key: 'protobuf' },
  { type: 'JSON', key: 'json' },
] as const;

describe('schema guid: Confluent golden corpus', corpusSkip(), () => {
  for (const { type, key } of GOLDEN_TYPES) {
    describe(type, () => {
      // Same enumeration as upstream: i = 0..7, bit 4 = references, 2 = metadata, 1 = rules;
      // the key is i in three binary digits. The raw string is hashed as given.
      for (let i = 0; i < 8; i++) {
        const hasReferences = (i & 4) !== 0;
        const hasMetadata = (i & 2) !== 0;
        const hasRules = (i & 1) !== 0;
        const bits = i.toString(2).padStart(3, '0');
        const parts = [hasReferences && 'references', hasMetadata && 'metadata', hasRules && 'rules'].filter(Boolean);
        test(`${type} ${bits} (${parts.length > 0 ? parts.join(' + ') : 'schema only'})`, () => {
          const data = goldenData();
          const expected = data.expectedHashes[type][bits];
          assert.ok(expected, `corpus has no expected hash for ${type} ${bits}`);
          const guid = schemaGuid({
            schema: data.schemas[key],
            references: hasReferences ? data.references : [],
            ...(hasMetadata ? { metadata: data.metadata } : {}),
            ...(hasRules ? { ruleSet: data.rules } : {}),
          });
          assert.equal(guid, expected);
        });
      }
    });
  }
});

describe('schema guid: layout', () => {
  const schema = '{"type":"string"}';
  const refA: SchemaReference = { name: 'a.A', subject: 'A', version: 1 };
  const refB: SchemaReference = { name: 'b.B', subject: 'B', version: 2 };

  test('guidOf renders the 16 bytes in order as a lowercase UUID', () => {
    // MD5 of the empty string is d41d8cd98f00b204e9800998ecf8427e.
    assert.equal(schemaGuid({ schema: '', references: [] }), 'd41d8cd9-8f00-b204-e980-0998ecf8427e');
    const bytes = Buffer.from('ffeeddccbbaa99887766554433221100', 'hex');
    assert.equal(guidOf(bytes), 'ffeeddcc-bbaa-9988-7766-554433221100');
    assert.throws(() => guidOf(Buffer.alloc(15)), RangeError);
  });

  test('fingerprint is MD5 of text + name + subject + 4-byte big-endian version, unseparated', () => {
    const refs: SchemaReference[] = [refA, { name: 'x', subject: 'X', version: -1 }];
    const expected = createHash('md5')
      .update(Buffer.concat([
        Buffer.from(schema + 'a.A' + 'A', 'utf8'),
        Buffer.from([0, 0, 0, 1]),
        Buffer.from('x' + 'X', 'utf8'),
        Buffer.from([0xff, 0xff, 0xff, 0xff]),
      ]))
      .digest();
    assert.deepEqual(schemaFingerprint({ schema, references: refs }), expected);
  });

  test('reference order matters', () => {
    assert.notEqual(
      schemaGuid({ schema, references: [refA, refB] }),
      schemaGuid({ schema, references: [refB, refA] }),
    );
  });

  test('metadata key and value order does not matter (sorted, sets de-duplicated)', () => {
    const a: Metadata = {
      tags: { team: ['x', 'y'], env: ['prod'] },
      properties: { owner: 'o', description: 'd' },
      sensitive: ['ssn', 'card'],
    };
    const b: Metadata = {
      sensitive: ['card', 'ssn', 'card'],
      properties: { description: 'd', owner: 'o' },
      tags: { env: ['prod', 'prod'], team: ['y', 'x'] },
    };
    assert.equal(schemaGuid({ schema, references: [], metadata: a }), schemaGuid({ schema, references: [], metadata: b }));
  });

  test('empty metadata differs from absent metadata; empty collections equal missing ones', () => {
    const absent = schemaGuid({ schema, references: [] });
    const empty = schemaGuid({ schema, references: [], metadata: {} });
    assert.notEqual(empty, absent);
    assert.equal(schemaGuid({ schema, references: [], metadata: { tags: {}, properties: {}, sensitive: [] } }), empty);
    // The marker is a single 0x01 byte after the references.
    assert.deepEqual(
      schemaFingerprint({ schema, references: [], metadata: {} }),
      createHash('md5').update(schema).update(Buffer.from([1])).digest(),
    );
  });

  test('empty ruleSet differs from absent ruleSet', () => {
    assert.notEqual(schemaGuid({ schema, references: [], ruleSet: {} }), schemaGuid({ schema, references: [] }));
    assert.equal(
      schemaGuid({ schema, references: [], ruleSet: {} }),
      schemaGuid({ schema, references: [], ruleSet: { migrationRules: [], domainRules: [], encodingRules: [] } }),
    );
  });

  test('rule kind and mode default to TRANSFORM / WRITEREAD; disabled=false adds nothing', () => {
    const implicit: RuleSet = { domainRules: [{ name: 'r', type: 'CEL', expr: 'true' }] };
    const explicit: RuleSet = {
      domainRules: [{ name: 'r', kind: 'TRANSFORM', mode: 'WRITEREAD', type: 'CEL', expr: 'true', disabled: false }],
    };
    const disabled: RuleSet = { domainRules: [{ name: 'r', type: 'CEL', expr: 'true', disabled: true }] };
    assert.equal(schemaGuid({ schema, references: [], ruleSet: implicit }), schemaGuid({ schema, references: [], ruleSet: explicit }));
    assert.notEqual(schemaGuid({ schema, references: [], ruleSet: implicit }), schemaGuid({ schema, references: [], ruleSet: disabled }));
  });

  test('an unpaired surrogate is encoded as "?", as Java does', () => {
    assert.equal(schemaGuid({ schema: 'a\uD800b', references: [] }), schemaGuid({ schema: 'a?b', references: [] }));
  });
});

/**
 * Canonical text (Java Avro's `Schema.toString()`, as Confluent stores it),
 * case by case from `fixtures/canonical.json`: every spelling in `schemas`
 * gives exactly `canonical`, and the canonical text is a fixed point.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAvroSchema } from '../../../../contracts/formats/avro/avro-format.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';

interface CanonicalCase {
  description: string;
  schemas: string[];
  canonical: string;
  references?: ResolvedReference[];
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'canonical.json');
const cases = JSON.parse(readFileSync(file, 'utf8')) as CanonicalCase[];

for (const c of cases) {
  test(c.description, () => {
    for (const schema of c.schemas) {
      assert.equal(parseAvroSchema(schema, c.references).canonical(), c.canonical, schema);
    }
    assert.equal(parseAvroSchema(c.canonical, c.references).canonical(), c.canonical);
  });
}

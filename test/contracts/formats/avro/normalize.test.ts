/**
 * Normalised text, case by case from `fixtures/normalized.json`: `normalized`
 * is what Confluent stores for `normalize=true` (the canonical text of the
 * re-parsed `toNormalizedString`), `normalized_string` that intermediate text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegistryError } from '../../../../contracts/errors.js';
import { parseAvroSchema } from '../../../../contracts/formats/avro/avro-format.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';

interface NormalizedCase {
  description: string;
  schema: string;
  normalized: string;
  normalized_string?: string;
  references?: ResolvedReference[];
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'normalized.json');
const cases = JSON.parse(readFileSync(file, 'utf8')) as NormalizedCase[];

for (const c of cases) {
  test(c.description, () => {
    const parsed = parseAvroSchema(c.schema, c.references);
    if (c.normalized_string !== undefined) assert.equal(parsed.normalizedString(), c.normalized_string);
    assert.equal(parsed.normalized(), c.normalized);
    // Normalising is idempotent.
    assert.equal(parseAvroSchema(c.normalized, c.references).normalized(), c.normalized);
  });
}

test('spellings that differ only in key order and namespaces normalise alike', () => {
  const spellings = [
    '{"type":"record","name":"R","namespace":"n","fields":[{"name":"e","type":{"type":"enum","name":"E","symbols":["A"]}},{"name":"f","type":"E"}]}',
    '{"namespace":"n","fields":[{"type":{"symbols":["A"],"type":"enum","name":"n.E"},"name":"e"},{"type":"n.E","name":"f"}],"name":"R","type":"record"}',
    '{"type":"record","name":"n.R","fields":[{"name":"e","type":{"type":"enum","name":"E","namespace":"n","symbols":["A"]}},{"name":"f","type":"n.E"}]}',
  ];
  const normalized = spellings.map((s) => parseAvroSchema(s).normalized());
  assert.deepEqual(new Set(normalized).size, 1, normalized.join('\n'));
});

test("where Java's re-encoding of a default throws, normalising is a 42201", () => {
  // The default matches the array branch; Java reads its elements through the first branch (null) and fails.
  const parsed = parseAvroSchema(
    '{"type":"record","name":"R","fields":[{"name":"xs","type":["null",{"type":"array","items":"int"}],"default":[1]}]}',
  );
  assert.throws(
    () => parsed.normalized(),
    (error: unknown) => error instanceof RegistryError && error.errorCode === 42201 && /Not an array: "null"/.test(error.message),
  );
});

test('a field of an empty union cannot be normalised, as in Confluent', () => {
  const parsed = parseAvroSchema('{"type":"record","name":"R","fields":[{"name":"nothing","type":[]}]}');
  assert.throws(() => parsed.normalized(), /Index 0 out of bounds for length 0/);
});

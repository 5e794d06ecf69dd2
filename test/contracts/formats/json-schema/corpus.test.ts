/**
 * Confluent's JSON Schema diff corpora, every case of every file, run as
 * Confluent's `SchemaDiffTest.checkJsonSchemaCompatibility` runs them: the
 * differences from `original_schema` to `update_schema` (compared as a
 * multiset, Confluent's order being Java hash order), `compatible` under
 * STRICT, and `compatible_lenient` (default `compatible`) as the STRICT
 * differences filtered by the LENIENT set, which is how the Java test reads
 * it. `original_metadata`/`update_metadata` (reserved properties) do not
 * enter: Confluent's test builds its schemas without them, and reserved
 * properties are checked by the registry, not by the diff.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonSchema } from '../../../../contracts/formats/json-schema/json-schema-format.js';
import { COMPATIBLE_CHANGES_LENIENT, COMPATIBLE_CHANGES_STRICT } from '../../../../contracts/formats/json-schema/policy.js';
import { corpusSkip, readCorpusJson } from '../../../support/corpora.js';

interface DiffCase {
  description: string;
  original_schema: unknown;
  update_schema: unknown;
  changes: string[];
  compatible: boolean;
  compatible_lenient?: boolean;
}

const FILES = [
  'diff-schema-examples.json',
  'diff-schema-examples-2020-12.json',
  'diff-combined-schema-examples.json',
  'diff-combined-schema-examples-2020-12.json',
];

/** Cases that cannot pass, by `<file>#<index>`, with the reason. */
const EXCEPTIONS: Record<string, string> = {};

const sorted = (list: string[]) => [...list].sort();

for (const file of FILES) {
  const skip = corpusSkip();
  describe(`confluent/json-schema-provider/${file}`, skip, () => {
    const cases = skip.skip ? [] : readCorpusJson<DiffCase[]>(`confluent/json-schema-provider/${file}`);
    cases.forEach((c, index) => {
      const exception = EXCEPTIONS[`${file}#${index}`];
      test(c.description, exception ? { todo: exception } : {}, () => {
        const original = parseJsonSchema(JSON.stringify(c.original_schema));
        const update = parseJsonSchema(JSON.stringify(c.update_schema));
        const differences = update.differencesFrom(original, 'STRICT');
        assert.deepEqual(sorted(differences.map((d) => `${d.type} ${d.path}`)), sorted(c.changes));
        assert.equal(
          differences.every((d) => COMPATIBLE_CHANGES_STRICT.has(d.type)),
          c.compatible,
          'compatible (STRICT)',
        );
        assert.equal(
          differences.every((d) => COMPATIBLE_CHANGES_LENIENT.has(d.type)),
          c.compatible_lenient ?? c.compatible,
          'compatible_lenient (LENIENT)',
        );
        assert.equal(update.readerDifferences(original, 'STRICT').length === 0, c.compatible, 'readerDifferences agrees');
      });
    });
  });
}

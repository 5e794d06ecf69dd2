/**
 * Confluent's Protobuf compatibility corpus, case by case and named by its
 * description, driven as `SchemaDiffTest.java` drives it:
 * `SchemaDiff.compare(original, update)` lists every difference (compatible
 * ones included) as `<TYPE> <path>`, and the update is compatible when none
 * is outside `COMPATIBLE_CHANGES`. Schemas ending in `.proto` are files of
 * `proto/`; `*_references` and `*_dependencies` give the imports (a
 * dependency without text is a file Confluent bundles). `changes` is
 * compared as a multiset: its order comes from Java hash maps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseProtobufSchema } from '../../../../contracts/formats/protobuf/protobuf-format.js';
import { wellKnownTexts } from '../../../../contracts/formats/protobuf/well-known/index.js';
import type { ResolvedReference } from '../../../../contracts/schema.js';
import { corporaDir, corpusSkip, readCorpusJson } from '../../../support/corpora.js';

interface Reference {
  name: string;
  subject: string;
  version: number;
}

interface CorpusCase {
  description: string;
  original_schema: string;
  update_schema: string;
  changes: string[];
  compatible: boolean;
  original_references?: Reference[];
  update_references?: Reference[];
  original_dependencies?: { name: string; dependency?: string }[];
  update_dependencies?: { name: string; dependency?: string }[];
}

const FOLDER = 'confluent/protobuf-provider';
const FILES = ['diff-schema-examples.json', 'diff-schema-examples-with-meta.json'];

/** Cases that cannot pass, with the reason; none so far. */
const KNOWN_EXCEPTIONS: Record<string, string> = {};

/**
 * The corpus comes from Confluent's master, which made a member leaving a
 * surviving oneof a compatible move (commit 3f5ff24387e, in no release yet);
 * the registry follows the released line (8.3), where it is removed from
 * the oneof and added at the top level: incompatible.
 */
const RELEASED: Record<string, Pick<CorpusCase, 'changes' | 'compatible'>> = {
  'Detect compatible move field out of a oneof to top level': {
    changes: ['ONEOF_FIELD_REMOVED #/Message/oneof_x/2', 'FIELD_ADDED #/Message/2'],
    compatible: false,
  },
  'Detect incompatible type change when field moved out of a oneof to top level': {
    changes: ['ONEOF_FIELD_REMOVED #/Message/oneof_x/2', 'FIELD_ADDED #/Message/2', 'FIELD_SCALAR_KIND_CHANGED #/Message/2'],
    compatible: false,
  },
};

const skip = corpusSkip();

function schemaText(schema: string): string {
  return schema.endsWith('.proto') ? readFileSync(join(corporaDir, FOLDER, 'proto', basename(schema)), 'utf8') : schema;
}

function resolvedReferences(c: CorpusCase, side: 'original' | 'update'): ResolvedReference[] {
  const references = c[`${side}_references`] ?? [];
  const dependencies = c[`${side}_dependencies`] ?? [];
  return references.map((reference) => {
    const dependency = dependencies.find((d) => d.name === reference.name);
    const schema = dependency?.dependency ?? wellKnownTexts().get(reference.name);
    assert.ok(schema !== undefined, `no text for reference ${reference.name}`);
    return { ...reference, schemaType: 'PROTOBUF', schema, references: [] };
  });
}

function sorted(list: string[]): string[] {
  return [...list].sort();
}

for (const file of FILES) {
  const cases = skip.skip ? [] : readCorpusJson<CorpusCase[]>(`${FOLDER}/${file}`);
  if (skip.skip) test(`${file}`, skip, () => {});
  for (const c of cases) {
    const exception = KNOWN_EXCEPTIONS[c.description];
    test(`${file}: ${c.description}`, { ...skip, ...(exception && { todo: exception }) }, () => {
      const original = parseProtobufSchema(schemaText(c.original_schema), resolvedReferences(c, 'original'));
      const update = parseProtobufSchema(schemaText(c.update_schema), resolvedReferences(c, 'update'));
      const expected = RELEASED[c.description] ?? c;
      const differences = update.differencesFrom(original);
      assert.deepEqual(sorted(differences.map((d) => `${d.type} ${d.path}`)), sorted(expected.changes));
      assert.equal(update.readerDifferences(original).length === 0, expected.compatible);
    });
  }
}

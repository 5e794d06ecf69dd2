/**
 * Checks that a JSON schema is one: compiled by ajv for its draft (draft-04
 * with ajv-draft-04, draft-06 and -07 with ajv and the draft-06 meta-schema,
 * 2019-09 and 2020-12 with ajv's own classes), its references registered
 * under the names its `$ref`s use. Stands in for Confluent's loading in
 * `JsonSchema.rawSchema()` (`loadPreviousDraft`, `loadLatestDraft`).
 *
 * Tolerated as Confluent tolerates them: unknown keywords (`connect.type`,
 * `title` anywhere: ajv's `strict: false`), unknown formats, an unknown
 * `$schema` (read as draft-07), `$ref: "#/$defs/x"` to a top-level
 * `definitions` entry (Confluent's `mergeDefBuckets`). Refused: anything the
 * draft's meta-schema refuses, a `$ref` nothing resolves (Confluent would try
 * to fetch it over HTTP), a pattern no regular-expression mode reads.
 */
import { Ajv, type Options } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { META_SCHEMA_IDS, type Draft } from './drafts.js';
import { invalidJsonSchema } from './invalid.js';
import { isJsonObject, toPlainJson, type JsonObject, type JsonValue } from './json-text.js';
import { patternEngine } from './pattern.js';
import type { ReferencedDocument } from './references.js';

type Validator = Pick<Ajv, 'addSchema' | 'compile' | 'removeSchema'>;

const OPTIONS: Options = { strict: false, logger: false, code: { regExp: patternEngine } };

/** One validator per draft: its meta-schema is compiled once; each check removes what it added. */
const validators = new Map<Draft, Validator>();

function validatorFor(draft: Draft): Validator {
  const existing = validators.get(draft);
  if (existing) return existing;
  let ajv: Ajv;
  switch (draft) {
    case 'draft-04':
      ajv = new AjvDraft04.default(OPTIONS);
      break;
    case 'draft-06':
    case 'draft-07':
      ajv = new Ajv(OPTIONS);
      ajv.addMetaSchema(draft06MetaSchema);
      break;
    case '2019-09':
      ajv = new Ajv2019(OPTIONS);
      break;
    case '2020-12':
      ajv = new Ajv2020(OPTIONS);
      break;
  }
  addFormats.default(ajv);
  validators.set(draft, ajv);
  return ajv;
}

/** Throws 42201 naming the problem when the schema or one of its references does not compile. */
export function validateJsonSchema(root: JsonValue, draft: Draft, references: ReferencedDocument[]): void {
  const ajv = validatorFor(draft);
  const added: (string | object)[] = [];
  try {
    for (const reference of references) {
      // A referenced schema is checked against the referring schema's draft, as Confluent loads it.
      const copy = toPlainJson(bridgeDefinitions(reference.json, undefined)) as object;
      added.push(copy);
      for (const key of referenceKeys(reference.name, root)) {
        if (added.includes(key)) continue;
        attempt(`reference '${reference.name}'`, () => ajv.addSchema(copy, key));
        added.push(key);
      }
    }
    const copy = toPlainJson(bridgeDefinitions(root, META_SCHEMA_IDS[draft])) as object;
    added.push(copy);
    attempt('', () => ajv.compile(copy));
  } finally {
    for (const schemaOrKey of added.reverse()) ajv.removeSchema(schemaOrKey);
  }
}

function attempt(where: string, action: () => unknown): void {
  try {
    action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalidJsonSchema(where ? `Invalid JSON schema in ${where}: ${message}` : `Invalid JSON schema: ${message}`);
  }
}

/** The name, and the name resolved against the root's `$id` (Confluent's `ReferenceResolver.resolve(idUri, name)`). */
function referenceKeys(name: string, root: JsonValue): string[] {
  const id = isJsonObject(root) ? root.get('$id') ?? root.get('id') : undefined;
  if (typeof id !== 'string') return [name];
  try {
    const resolved = new URL(name, id).href;
    return resolved === name ? [name] : [name, resolved];
  } catch {
    return [name];
  }
}

/**
 * Confluent's `mergeDefBuckets`: top-level `definitions` entries also under
 * `$defs` (an existing `$defs` entry wins), so both spellings of a local
 * `$ref` resolve. `$schema` is set to the draft's meta-schema (the draft was
 * already chosen from it) or dropped from a reference.
 */
function bridgeDefinitions(json: JsonValue, schemaId: string | undefined): JsonValue {
  if (!isJsonObject(json)) return json;
  const copy: JsonObject = new Map(json);
  copy.delete('$schema');
  if (schemaId !== undefined) copy.set('$schema', schemaId);
  const definitions = json.get('definitions');
  const defs = json.get('$defs');
  if (isJsonObject(definitions) && definitions.size > 0 && (defs === undefined || isJsonObject(defs))) {
    const merged: JsonObject = new Map(defs ?? []);
    for (const [key, value] of definitions) if (!merged.has(key)) merged.set(key, value);
    copy.set('$defs', merged);
  }
  return copy;
}

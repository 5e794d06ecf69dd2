/**
 * The JSON Schema drafts Confluent accepts and how a schema picks one:
 * `SpecificationVersion.java` (the `$schema` URLs, a trailing `#` ignored) and
 * `JsonSchema.rawSchema()` (no or an unknown `$schema` means draft-07).
 * Drafts 4 to 7 are read by Confluent's older loader, 2019-09 and 2020-12 by
 * its newer one, and the two build the compared model differently
 * (`load-legacy.ts`, `load-modern.ts`).
 */
import { isJsonObject, type JsonValue } from './json-text.js';

export type Draft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

export const DEFAULT_DRAFT: Draft = 'draft-07';

const URLS: Record<Draft, string[]> = {
  'draft-04': [
    'http://json-schema.org/draft-04/schema',
    'https://json-schema.org/draft-04/schema',
    'http://json-schema.org/schema',
    'https://json-schema.org/schema',
  ],
  'draft-06': ['http://json-schema.org/draft-06/schema', 'https://json-schema.org/draft-06/schema'],
  'draft-07': ['http://json-schema.org/draft-07/schema', 'https://json-schema.org/draft-07/schema'],
  '2019-09': ['http://json-schema.org/draft/2019-09/schema', 'https://json-schema.org/draft/2019-09/schema'],
  '2020-12': ['http://json-schema.org/draft/2020-12/schema', 'https://json-schema.org/draft/2020-12/schema'],
};

/** The identifier of each draft's meta-schema as the validator registers it. */
export const META_SCHEMA_IDS: Record<Draft, string> = {
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

/** The draft a schema document declares; Confluent reads a non-string `$schema` as its text. */
export function draftOf(schema: JsonValue): Draft {
  if (!isJsonObject(schema)) return DEFAULT_DRAFT;
  const declared = schema.get('$schema');
  if (typeof declared !== 'string') return DEFAULT_DRAFT;
  const url = declared.endsWith('#') ? declared.slice(0, -1) : declared;
  const match = (Object.keys(URLS) as Draft[]).find((draft) => URLS[draft].includes(url));
  return match ?? DEFAULT_DRAFT;
}

/** Drafts read by Confluent's newer loader (json-sKema plus `SchemaTranslator`). */
export const isModernDraft = (draft: Draft): boolean => draft === '2019-09' || draft === '2020-12';

/** The keyword that names a schema resource: `id` in draft-04, `$id` since. */
export const idKeyword = (draft: Draft): string => (draft === 'draft-04' ? 'id' : '$id');

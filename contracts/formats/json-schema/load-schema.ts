/**
 * Builds the compared model (`model.ts`) of a schema document and its
 * references with the loader Confluent uses for its draft: everit's
 * `SchemaLoader` for drafts 4 to 7 (`load-legacy.ts`), json-sKema translated
 * by `schema/SchemaTranslator.java` for 2019-09 and 2020-12
 * (`load-modern.ts`). Each schema object is built once, so every `$ref` to
 * it meets the same node, which the comparison's memo relies on; references
 * are followed lazily, so recursive schemas terminate.
 */
import { isModernDraft, type Draft } from './drafts.js';
import { SchemaDocuments } from './documents.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json-text.js';
import { buildLegacy } from './load-legacy.js';
import { buildModern } from './load-modern.js';
import type { RefNode, SchemaNode } from './model.js';
import type { ReferencedDocument } from './references.js';

/** What a draft's builder needs: the draft, loading of subschemas, and `$ref` resolution. */
export interface Loader {
  readonly draft: Draft;
  load(json: JsonValue): SchemaNode;
  reference(ref: string, from: JsonObject): RefNode;
}

export function loadSchemaModel(root: JsonValue, references: ReferencedDocument[], draft: Draft): SchemaNode {
  const documents = new SchemaDocuments(root, references, draft);
  const build = isModernDraft(draft) ? buildModern : buildLegacy;
  const built = new Map<JsonObject, SchemaNode>();
  const loader: Loader = {
    draft,
    load(json) {
      if (typeof json === 'boolean') return { kind: json ? 'True' : 'False' };
      // Not a schema at all; the validator refuses such documents before they get here.
      if (!isJsonObject(json)) return { kind: 'Empty' };
      let node = built.get(json);
      if (node === undefined) {
        node = build(json, loader);
        built.set(json, node);
      }
      return node;
    },
    reference(ref, from) {
      let target: SchemaNode | undefined;
      const resolve = (): SchemaNode => {
        const json = documents.resolve(ref, from);
        // Unresolvable after validation only when it names a meta-schema the validator knows: anything goes.
        return json === undefined ? { kind: 'Empty' } : loader.load(json);
      };
      return { kind: 'Ref', ref, target: () => (target ??= resolve()) };
    },
  };
  return loader.load(root);
}

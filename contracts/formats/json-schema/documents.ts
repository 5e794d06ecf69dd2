/**
 * Where a `$ref` points: the schema document, the documents of its references
 * (registered under their names, as Confluent's `JsonSchema.loadPreviousDraft`
 * and `loadLatestDraft` register them), every `$id` inside them, and the
 * plain-name anchors (`$id: "#foo"` before 2019-09, `$anchor` since). Mirrors
 * everit's `ReferenceLookup` and json-sKema's `SchemaLoader.resolve`, with
 * Confluent's base URI `mem://input` for a document without an absolute `$id`
 * and its `mergeDefBuckets` bridge: `#/$defs/x` finds a top-level
 * `definitions` entry.
 */
import { idKeyword, isModernDraft, type Draft } from './drafts.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json-text.js';
import type { ReferencedDocument } from './references.js';

const DEFAULT_BASE = 'mem://input';

/** Keywords whose value is a subschema, a list of them, or a map of them. */
const SUBSCHEMA_KEYWORDS = new Set([
  'items', 'prefixItems', 'additionalItems', 'unevaluatedItems', 'contains',
  'additionalProperties', 'unevaluatedProperties', 'propertyNames', 'not', 'if', 'then', 'else',
  'allOf', 'anyOf', 'oneOf',
]);
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas']);

function resolveUrl(reference: string, base: string): string | undefined {
  try {
    return new URL(reference, base).href;
  } catch {
    return undefined;
  }
}

function splitFragment(uri: string): [string, string] {
  const hash = uri.indexOf('#');
  return hash < 0 ? [uri, ''] : [uri.slice(0, hash), uri.slice(hash + 1)];
}

export class SchemaDocuments {
  private readonly bases = new Map<JsonObject, string>();
  private readonly resources = new Map<string, JsonValue>();
  private readonly anchors = new Map<string, JsonValue>();
  private readonly idKey: string;

  constructor(
    root: JsonValue,
    references: ReferencedDocument[],
    private readonly draft: Draft,
  ) {
    this.idKey = idKeyword(draft);
    this.resources.set(DEFAULT_BASE, root);
    const rootBase = this.index(root, DEFAULT_BASE);
    for (const { name, json } of references) {
      const base = resolveUrl(name, DEFAULT_BASE) ?? name;
      for (const key of [name, base, resolveUrl(name, rootBase)]) {
        if (key !== undefined && !this.resources.has(key)) this.resources.set(key, json);
      }
      this.index(json, base);
    }
  }

  /** The schema a `$ref` written in `from` refers to; undefined when nothing matches. */
  resolve(ref: string, from: JsonValue): JsonValue | undefined {
    const base = (isJsonObject(from) && this.bases.get(from)) || DEFAULT_BASE;
    const [resourceUri, fragment] = splitFragment(resolveUrl(ref, base) ?? ref);
    const resource = this.resources.get(resourceUri) ?? this.resources.get(splitFragment(ref)[0]);
    if (fragment === '') return resource;
    if (fragment.startsWith('/')) return resource === undefined ? undefined : evaluatePointer(resource, fragment);
    return this.anchors.get(`${resourceUri}#${fragment}`);
  }

  /** Records the base URI of every schema object below `json`; returns the one of `json`. */
  private index(json: JsonValue, base: string): string {
    if (!isJsonObject(json)) return base;
    let own = base;
    const id = json.get(this.idKey);
    const resolved = typeof id === 'string' ? resolveUrl(id, base) : undefined;
    if (resolved !== undefined) {
      const [uri, fragment] = splitFragment(resolved);
      if (fragment === '') {
        own = uri;
        if (!this.resources.has(uri)) this.resources.set(uri, json);
      } else {
        this.anchors.set(resolved, json);
      }
    }
    const anchor = isModernDraft(this.draft) ? json.get('$anchor') : undefined;
    if (typeof anchor === 'string') this.anchors.set(`${own}#${anchor}`, json);
    this.bases.set(json, own);
    for (const [key, value] of json) {
      if (SUBSCHEMA_MAPS.has(key) && isJsonObject(value)) for (const member of value.values()) this.index(member, own);
      else if (SUBSCHEMA_KEYWORDS.has(key) && Array.isArray(value)) for (const member of value) this.index(member, own);
      else if (SUBSCHEMA_KEYWORDS.has(key)) this.index(value, own);
    }
    return own;
  }
}

function unescapeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep it as written
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

function evaluatePointer(resource: JsonValue, fragment: string): JsonValue | undefined {
  const segments = fragment.slice(1).split('/').map(unescapeSegment);
  const found = walk(resource, segments);
  // mergeDefBuckets: a top-level `definitions` entry is also reachable as `$defs`.
  if (found === undefined && segments[0] === '$defs') return walk(resource, ['definitions', ...segments.slice(1)]);
  return found;
}

function walk(start: JsonValue, segments: string[]): JsonValue | undefined {
  let current: JsonValue | undefined = start;
  for (const segment of segments) {
    if (Array.isArray(current)) current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    else if (isJsonObject(current)) current = current.get(segment);
    else return undefined;
  }
  return current;
}

/**
 * Confluent's schema identity: the MD5 fingerprint that decides whether two
 * registrations are "the same schema", and its UUID rendering (the `guid`).
 *
 * Mirrors confluentinc/schema-registry:
 * - `client/.../rest/entities/Schema.java` (static `updateHash`): schema text,
 *   then references, then `0x01` + metadata, then `0x01` + ruleSet;
 * - `client/.../rest/entities/SchemaReference.java`, `Metadata.java`,
 *   `RuleSet.java`, `Rule.java` (their `updateHash` and constructors, which
 *   sort maps and sets and fill in defaults before anything is hashed);
 * - `core/.../storage/MD5.java` (`toString`: the 16 bytes as a UUID).
 *
 * Layout notes:
 * - Strings are fed as UTF-8 with no length prefix or separator, so the hash
 *   is over a plain concatenation. A reference's version is 4 bytes big-endian.
 * - `schemaType` is not part of the hash.
 * - A metadata / ruleSet object that is present but empty still contributes
 *   its `0x01` marker, so `{}` and "absent" differ (Java only checks for null).
 * - Metadata: tags by key (sorted), each key's values sorted and de-duplicated;
 *   properties by key (sorted); sensitive sorted and de-duplicated.
 * - RuleSet: migration rules, domain rules, encoding rules, each in the given
 *   order, then `enableAt` when set.
 * - Rule: name, doc, kind (default TRANSFORM), mode (default WRITEREAD), type,
 *   tags (sorted, de-duplicated), params (by sorted key), expr, onSuccess,
 *   onFailure, then `0x01` only when disabled.
 * - Sorting follows Java `String.compareTo` (UTF-16 code units), which is what
 *   JavaScript's `<` on strings does; `localeCompare` would differ.
 */
import { createHash, type Hash } from 'node:crypto';

import type { Metadata, Rule, RuleSet, SchemaReference } from './schema.js';

export interface SchemaIdentityInput {
  /** The schema text exactly as stored (already canonicalized by the caller). */
  schema: string;
  references: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
}

const PRESENT_MARKER = Buffer.from([1]);
const DEFAULT_RULE_KIND = 'TRANSFORM';
const DEFAULT_RULE_MODE = 'WRITEREAD';

/** The 16 MD5 bytes Confluent uses as a schema's identity. */
export function schemaFingerprint(input: SchemaIdentityInput): Buffer {
  const md = createHash('md5');
  feedString(md, input.schema);
  for (const ref of input.references ?? []) feedReference(md, ref);
  if (input.metadata != null) {
    md.update(PRESENT_MARKER);
    feedMetadata(md, input.metadata);
  }
  if (input.ruleSet != null) {
    md.update(PRESENT_MARKER);
    feedRuleSet(md, input.ruleSet);
  }
  return md.digest();
}

/**
 * A fingerprint rendered as Confluent does: the bytes read as two big-endian
 * longs and printed by `java.util.UUID`, which is lowercase hex of the 16 bytes
 * in order, grouped 8-4-4-4-12.
 */
export function guidOf(fingerprint: Buffer): string {
  if (fingerprint.length !== 16) {
    throw new RangeError(`a schema fingerprint has 16 bytes, got ${fingerprint.length}`);
  }
  const hex = fingerprint.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The schema's `guid`: `guidOf(schemaFingerprint(input))`. */
export function schemaGuid(input: SchemaIdentityInput): string {
  return guidOf(schemaFingerprint(input));
}

function feedReference(md: Hash, ref: SchemaReference): void {
  feedString(md, ref.name);
  feedString(md, ref.subject);
  if (ref.version != null) {
    const version = Buffer.alloc(4);
    version.writeInt32BE(ref.version | 0);
    md.update(version);
  }
}

function feedMetadata(md: Hash, metadata: Metadata): void {
  const tags = metadata.tags ?? {};
  for (const key of sortedKeys(tags)) {
    feedString(md, key);
    for (const value of sortedUnique(tags[key] ?? [])) feedString(md, value);
  }
  const properties = metadata.properties ?? {};
  for (const key of sortedKeys(properties)) {
    feedString(md, key);
    feedString(md, properties[key]);
  }
  for (const value of sortedUnique(metadata.sensitive ?? [])) feedString(md, value);
}

function feedRuleSet(md: Hash, ruleSet: RuleSet): void {
  for (const rule of ruleSet.migrationRules ?? []) feedRule(md, rule);
  for (const rule of ruleSet.domainRules ?? []) feedRule(md, rule);
  for (const rule of ruleSet.encodingRules ?? []) feedRule(md, rule);
  // An enum on the Java side (ALL, CLIENT, GATEWAY, SERVER, NONE): its name is hashed.
  if (typeof ruleSet.enableAt === 'string') feedString(md, ruleSet.enableAt);
}

function feedRule(md: Hash, rule: Rule): void {
  feedString(md, rule.name);
  feedString(md, rule.doc);
  feedString(md, rule.kind ?? DEFAULT_RULE_KIND);
  feedString(md, rule.mode ?? DEFAULT_RULE_MODE);
  feedString(md, rule.type);
  for (const tag of sortedUnique(rule.tags ?? [])) feedString(md, tag);
  const params = rule.params ?? {};
  for (const key of sortedKeys(params)) {
    feedString(md, key);
    feedString(md, params[key]);
  }
  feedString(md, rule.expr);
  feedString(md, rule.onSuccess);
  feedString(md, rule.onFailure);
  if (rule.disabled === true) md.update(PRESENT_MARKER);
}

/** Feeds a string's UTF-8 bytes; null / undefined contribute nothing, as in Java. */
function feedString(md: Hash, value: string | null | undefined): void {
  if (value == null) return;
  md.update(javaUtf8(value));
}

/**
 * UTF-8 bytes as Java's `String.getBytes(UTF_8)` produces them: an unpaired
 * surrogate becomes `?`, where Node would write U+FFFD.
 */
function javaUtf8(value: string): Buffer {
  return Buffer.from(value.replace(LONE_SURROGATE, '?'), 'utf8');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort(compareJavaStrings);
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareJavaStrings);
}

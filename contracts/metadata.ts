/**
 * Merging metadata and rule sets the way Confluent does on register
 * (`Metadata.mergeMetadata`, `RuleSet.mergeRuleSets`): effective =
 * override ⊕ (request, or else the previous version's) ⊕ default, the later
 * winning key by key (maps) or name by name (rules).
 */
import type { Metadata, Rule, RuleSet } from './schema.js';

/** Property that carries an explicitly requested version; lookups ignore it. */
export const CONFLUENT_VERSION = 'confluent:version';

export function mergeMetadata(older: Metadata | undefined, newer: Metadata | undefined): Metadata | undefined {
  if (!older) return newer;
  if (!newer) return older;
  return dropEmpty({
    tags: mergeMaps(older.tags, newer.tags),
    properties: mergeMaps(older.properties, newer.properties),
    sensitive: older.sensitive?.length && newer.sensitive?.length
      ? [...new Set([...older.sensitive, ...newer.sensitive])].sort()
      : newer.sensitive?.length ? newer.sensitive : older.sensitive,
  });
}

export function mergeRuleSets(older: RuleSet | undefined, newer: RuleSet | undefined): RuleSet | undefined {
  if (!older) return newer;
  if (!newer) return older;
  return dropEmpty({
    migrationRules: mergeRules(older.migrationRules, newer.migrationRules),
    domainRules: mergeRules(older.domainRules, newer.domainRules),
    encodingRules: mergeRules(older.encodingRules, newer.encodingRules),
    enableAt: newer.enableAt ?? older.enableAt,
  });
}

/** Default, then the given (or inherited) value, then the override, as register applies them. */
export function effectiveMetadata(defaults: Metadata | undefined, given: Metadata | undefined, override: Metadata | undefined) {
  return mergeMetadata(mergeMetadata(defaults, given), override);
}

export function effectiveRuleSet(defaults: RuleSet | undefined, given: RuleSet | undefined, override: RuleSet | undefined) {
  return mergeRuleSets(mergeRuleSets(defaults, given), override);
}

/** Metadata without the `confluent:version` property, for comparisons that must ignore it. */
export function withoutConfluentVersion(metadata: Metadata | undefined): Metadata | undefined {
  if (!metadata?.properties || !(CONFLUENT_VERSION in metadata.properties)) return metadata;
  const { [CONFLUENT_VERSION]: _ignored, ...properties } = metadata.properties;
  return { ...metadata, properties };
}

export function withConfluentVersion(metadata: Metadata | undefined, version: number): Metadata {
  return { ...metadata, properties: { ...metadata?.properties, [CONFLUENT_VERSION]: String(version) } };
}

function mergeMaps<T>(older: Record<string, T> | undefined, newer: Record<string, T> | undefined) {
  if (!older || Object.keys(older).length === 0) return newer;
  if (!newer || Object.keys(newer).length === 0) return older;
  return { ...older, ...newer };
}

function mergeRules(older: Rule[] | undefined, newer: Rule[] | undefined): Rule[] | undefined {
  if (!older?.length) return newer;
  if (!newer?.length) return older;
  const replaced = new Set(newer.map((rule) => rule.name));
  return [...older.filter((rule) => !replaced.has(rule.name)), ...newer];
}

function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Tagging a subject version (`POST /subjects/{s}/versions/{v}/tags`):
 * Confluent's `SubjectVersionsResource.modifyTags` and
 * `AbstractSchemaRegistry.modifySchemaTags` / `maybeModifyPreviousRuleSet`.
 * The version's format changes the schema's inline tags; the result is
 * registered as the subject's next version by register's own steps, in the
 * same write, with new metadata (always carrying `confluent:version`) and rules.
 */
import { errors } from '../errors.js';
import type { ParsedSchema } from '../formats/format.js';
import { mergeRuleSets, withConfluentVersion } from '../metadata.js';
import { validateRuleSet } from '../rule-set.js';
import { tagChanges, type SchemaTags, type SchemaTagsChange } from '../schema-tags.js';
import type { Metadata, RuleSet, SubjectVersion } from '../schema.js';
import type { StoreWriter } from '../store.js';
import { validateSubject } from '../subject.js';
import { parsedSchemaOf, schemaById, type RegistryContext } from './context.js';
import { registerWithin, type Registered } from './register.js';
import { findVersion, isLive, type VersionRef } from './versions.js';

/** Confluent's `TagSchemaRequest`. */
export interface TagSchemaRequest {
  /** Compare-and-set: must be the subject's next version. */
  newVersion?: number;
  tagsToAdd?: SchemaTags[];
  tagsToRemove?: SchemaTags[];
  /** Replaces the tagged version's metadata. */
  metadata?: Metadata;
  /** Replaces the rules; without it (and without the two below) the latest version's are kept, as on register. */
  ruleSet?: RuleSet;
  /** Merged by name into the rules of the version before `newVersion` (or of the latest). */
  rulesToMerge?: RuleSet;
  /** Names of rules to drop from those. */
  rulesToRemove?: string[];
}

export async function tagSchema(
  ctx: RegistryContext,
  subject: string,
  ref: VersionRef,
  request: TagSchemaRequest,
): Promise<Registered> {
  validateSubject(subject);
  const registered = await ctx.store.write(async (tx) => {
    const versions = await tx.subjectVersions(subject);
    const tagged = await schemaById(ctx, findVersion(subject, versions, ref).schemaId, tx);
    validateRuleChanges(request);
    const changes = tagChanges(request.tagsToAdd, request.tagsToRemove);
    const newVersion = request.newVersion ?? 0;
    const tagRequest = {
      schema: changes.length > 0 ? withTags(await parsedSchemaOf(ctx, tagged, tx), changes) : tagged.schema,
      schemaType: tagged.schemaType,
      references: tagged.references,
      // Set even to 0, so that register rewrites it to the version it assigns.
      metadata: withConfluentVersion(request.metadata ?? tagged.metadata, newVersion),
      ruleSet: await ruleSetFor(ctx, tx, versions, request),
      version: newVersion,
    };
    return registerWithin(ctx, tx, subject, tagRequest, { configNormalize: false });
  });
  return { schema: ctx.cache.put(registered.schema), version: registered.version };
}

/** The resource's checks, made once the version is known to exist (42210). */
function validateRuleChanges(request: TagSchemaRequest): void {
  if ((request.rulesToMerge !== undefined || request.rulesToRemove !== undefined) && request.ruleSet !== undefined) {
    throw errors.invalidRuleSet('ruleSet should be omitted if specifying rulesToMerge or rulesToRemove');
  }
  validateRuleSet(request.rulesToMerge);
  validateRuleSet(request.ruleSet);
}

function withTags(parsed: ParsedSchema, changes: SchemaTagsChange[]): string {
  if (!parsed.withTags) throw errors.invalidSchema(`Schema tags are not supported for schema type ${parsed.schemaType}`);
  return parsed.withTags(changes);
}

/**
 * `maybeModifyPreviousRuleSet`: with `rulesToMerge` or `rulesToRemove`, the
 * rules of the live version before `newVersion` (the latest when it is absent)
 * are merged and pruned; otherwise the request's `ruleSet` stands.
 */
async function ruleSetFor(
  ctx: RegistryContext,
  tx: StoreWriter,
  versions: SubjectVersion[],
  request: TagSchemaRequest,
): Promise<RuleSet | undefined> {
  if (request.rulesToMerge === undefined && request.rulesToRemove === undefined) return request.ruleSet;
  const live = versions.filter(isLive);
  const previous = request.newVersion !== undefined ? request.newVersion - 1 : -1;
  const base = previous === -1 ? live.at(-1) : live.find((v) => v.version === previous);
  let ruleSet = base && (await schemaById(ctx, base.schemaId, tx)).ruleSet;
  if (request.rulesToMerge) ruleSet = mergeRuleSets(ruleSet, request.rulesToMerge);
  if (ruleSet && request.rulesToRemove) ruleSet = withoutRules(ruleSet, new Set(request.rulesToRemove));
  return ruleSet;
}

/** Each list without the named rules; a list left empty is omitted, as Confluent's JSON omits it. */
function withoutRules(ruleSet: RuleSet, names: ReadonlySet<string>): RuleSet {
  const pruned: RuleSet = {};
  for (const key of ['migrationRules', 'domainRules', 'encodingRules'] as const) {
    const kept = ruleSet[key]?.filter((rule) => !names.has(rule.name));
    if (kept?.length) pruned[key] = kept;
  }
  if (ruleSet.enableAt !== undefined) pruned.enableAt = ruleSet.enableAt;
  return pruned;
}

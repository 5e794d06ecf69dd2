/**
 * Read-only use cases: subjects, versions, schemas by id or guid, who uses a
 * schema, who references a version, and the `/schemas` listing.
 */
import { errors } from '../errors.js';
import type { StoredSchema, SubjectVersion } from '../schema.js';
import { parsedSchemaOf, schemaById, type RegistryContext } from './context.js';
import type { Registered } from './register.js';
import { findVersion, isLive, paginate, SEARCH_LIMIT, type VersionRef } from './versions.js';

export interface ListOptions {
  deleted?: boolean;
  deletedOnly?: boolean;
  offset?: number;
  limit?: number;
  /** Only subjects the caller may see (applied before paging); every subject when absent. */
  visible?: (subject: string) => boolean;
}

const visibleTo = (options: ListOptions) => (subject: string) => options.visible === undefined || options.visible(subject);

/** Subject names, sorted; a subject is deleted when all its versions are. */
export async function listSubjects(ctx: RegistryContext, prefix: string, options: ListOptions = {}): Promise<string[]> {
  const visible = visibleTo(options);
  const subjects = (await ctx.store.subjects(prefix)).filter(
    (s) => visible(s.subject) && (options.deletedOnly ? s.liveVersions === 0 : options.deleted ? true : s.liveVersions > 0),
  );
  return paginate(subjects.map((s) => s.subject), options.offset, options.limit);
}

export async function listVersions(
  ctx: RegistryContext,
  subject: string,
  options: ListOptions & { deletedAsNegative?: boolean } = {},
): Promise<number[]> {
  const all = await ctx.store.subjectVersions(subject);
  const chosen = options.deletedOnly
    ? all.filter((v) => v.deleted)
    : options.deleted || options.deletedAsNegative
      ? all
      : all.filter(isLive);
  if (chosen.length === 0) throw errors.subjectNotFound(subject);
  const numbers = chosen.map((v) => (options.deletedAsNegative && v.deleted ? -v.version : v.version));
  return paginate(numbers, options.offset, options.limit);
}

export async function getSubjectVersion(
  ctx: RegistryContext,
  subject: string,
  ref: VersionRef,
  includeDeleted = false,
): Promise<Registered> {
  const version = findVersion(subject, await ctx.store.subjectVersions(subject), ref, includeDeleted);
  return { schema: await schemaById(ctx, version.schemaId), version };
}

/**
 * A schema by id as `/schemas/ids/{id}` serves it: from the cache once seen;
 * the first time only if some version (soft-deleted included) still uses it.
 */
export async function getSchema(ctx: RegistryContext, id: number): Promise<StoredSchema> {
  const cached = ctx.cache.get(id);
  if (cached) return cached;
  if ((await ctx.store.versionsOfSchema(id)).length === 0) throw errors.schemaNotFound(id);
  return schemaById(ctx, id);
}

/**
 * The schema as a `format` query parameter asks for it (Confluent's
 * `formattedString`); without one, or for a format the type does not know, as stored.
 */
export async function withFormat(ctx: RegistryContext, schema: StoredSchema, format: string | undefined): Promise<StoredSchema> {
  if (!format) return schema;
  const parsed = await parsedSchemaOf(ctx, schema);
  const text = parsed.formatted?.(format) ?? schema.schema;
  return text === schema.schema ? schema : { ...schema, schema: text };
}

/** What this process has counted since it started: the schema cache's use and the compatibility checks' verdicts. */
export function usage(ctx: RegistryContext) {
  const { cache, checks } = ctx;
  return { cacheEntries: cache.size, cacheHits: cache.hits, cacheMisses: cache.misses, compatible: checks.compatible, incompatible: checks.incompatible };
}

/** The schema with this id if this process already holds it; never touches the store. */
export function cachedSchema(ctx: RegistryContext, id: number): StoredSchema | undefined {
  return ctx.cache.get(id);
}

export async function getSchemaByGuid(ctx: RegistryContext, guid: string): Promise<StoredSchema> {
  const schema = await ctx.store.schemaByGuid(guid.toLowerCase());
  if (!schema || (await ctx.store.versionsOfSchema(schema.id)).length === 0) throw errors.schemaNotFound(guid);
  return ctx.cache.put(schema);
}

/** The versions using a schema id; 40403 when the id is unknown. */
export async function versionsOfSchema(ctx: RegistryContext, id: number, options: ListOptions & { subject?: string } = {}): Promise<SubjectVersion[]> {
  const all = await ctx.store.versionsOfSchema(id);
  if (all.length === 0) throw errors.schemaNotFound(id);
  const visible = visibleTo(options);
  const chosen = all.filter(
    (v) => (options.deleted || isLive(v)) && (options.subject === undefined || v.subject === options.subject) && visible(v.subject),
  );
  return paginate(chosen, options.offset, options.limit);
}

/** The subject and version a `?subject=` hint names for an id, when that subject holds it. */
export async function subjectVersionOfSchema(ctx: RegistryContext, id: number, subject: string): Promise<SubjectVersion | undefined> {
  const versions = (await ctx.store.versionsOfSchema(id)).filter((v) => v.subject === subject);
  return versions.filter(isLive).at(-1) ?? versions.at(-1);
}

/** Ids of schemas that reference a subject version (only those still live, unless `deleted`). */
export async function referencedBy(
  ctx: RegistryContext,
  subject: string,
  ref: VersionRef,
  options: ListOptions = {},
): Promise<number[]> {
  const version = findVersion(subject, await ctx.store.subjectVersions(subject), ref, true);
  const ids: number[] = [];
  for (const id of await ctx.store.referencedBy(subject, version.version)) {
    const users = await ctx.store.versionsOfSchema(id);
    if (users.some((v) => options.deleted || isLive(v))) ids.push(id);
  }
  return paginate(ids, options.offset, options.limit, SEARCH_LIMIT);
}

/**
 * `GET /schemas`: every version of matching subjects, or only each subject's
 * latest. With `aliases`, as Confluent's `allVersionsIncludingAliasesWithSubjectPrefix`:
 * the subjects that matching aliases point at are listed too, and each of
 * their entries names its aliases.
 */
export async function listSchemas(
  ctx: RegistryContext,
  options: ListOptions & { subjectPrefix?: string; latestOnly?: boolean; aliases?: boolean } = {},
): Promise<Array<Registered & { aliases?: string[] }>> {
  const visible = visibleTo(options);
  const prefix = options.subjectPrefix ?? '';
  const aliasesOf = options.aliases ? await aliasesByTarget(ctx, prefix) : new Map<string, string[]>();
  let versions = await ctx.store.allVersions(prefix);
  const listed = new Set(versions.map((v) => v.subject));
  const targets = [...aliasesOf.keys()].filter((target) => !listed.has(target));
  if (targets.length > 0) {
    for (const target of targets) versions = versions.concat(await ctx.store.subjectVersions(target));
    versions.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version));
  }
  versions = versions.filter((v) => (options.deleted || isLive(v)) && visible(v.subject));
  if (options.latestOnly) {
    const latest = new Map<string, SubjectVersion>();
    for (const v of versions) latest.set(v.subject, v);
    versions = [...latest.values()];
  }
  const page = paginate(versions, options.offset, options.limit, SEARCH_LIMIT);
  return Promise.all(
    page.map(async (version) => {
      const aliases = aliasesOf.get(version.subject);
      return { schema: await schemaById(ctx, version.schemaId), version, ...(aliases && { aliases }) };
    }),
  );
}

/** The subjects that aliases starting with `prefix` point at, each with those aliases. */
async function aliasesByTarget(ctx: RegistryContext, prefix: string): Promise<Map<string, string[]>> {
  const byTarget = new Map<string, string[]>();
  for (const { subject, config } of await ctx.store.subjectConfigs(prefix)) {
    if (!config.alias) continue;
    byTarget.set(config.alias, [...(byTarget.get(config.alias) ?? []), subject]);
  }
  return byTarget;
}

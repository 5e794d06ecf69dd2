/**
 * Registering a schema under a subject: Confluent's algorithm
 * (`KafkaSchemaRegistry.register`, reference §4.2) in one serialised write.
 * Idempotent for a schema already live in the subject; the same schema in
 * another subject keeps its id; ids and versions are assigned atomically.
 */
import { compatibilityMessages } from '../compatibility.js';
import { reservedFieldMessages } from '../reserved-fields.js';
import { errors } from '../errors.js';
import { schemaGuid } from '../identity.js';
import { CONFLUENT_VERSION, effectiveMetadata, effectiveRuleSet, withConfluentVersion } from '../metadata.js';
import { validateRuleSet } from '../rule-set.js';
import type { Metadata, RuleSet, SchemaReference, StoredSchema, SubjectVersion } from '../schema.js';
import type { StoreWriter } from '../store.js';
import { validateSubject } from '../subject.js';
import { parseCandidate } from './candidate.js';
import { effectiveConfig, effectiveMode, isReadOnly, schemaById, type RegistryContext } from './context.js';
import { previousSchemas } from './previous-schemas.js';
import { isLive } from './versions.js';

export interface RegisterRequest {
  schema?: string;
  schemaType?: string;
  references?: SchemaReference[];
  metadata?: Metadata;
  ruleSet?: RuleSet;
  /** Compare-and-set (must be the next version) or, in IMPORT mode, the version to use. */
  version?: number;
  /** IMPORT mode only: the id to register under. */
  id?: number;
}

export interface RegisterOptions {
  normalize?: boolean;
  /** Skip the compatibility check. */
  force?: boolean;
}

/** For use cases that register as one step of their own write (`registerWithin`). */
export interface RegisterWithinOptions extends RegisterOptions {
  /**
   * Whether the subject's `normalize` config applies (default true). Confluent
   * reads it in the REST resource, so a path that calls its register directly,
   * like schema tagging, never normalises.
   */
  configNormalize?: boolean;
}

export interface Registered {
  schema: StoredSchema;
  version: SubjectVersion;
}

export async function register(
  ctx: RegistryContext,
  subject: string,
  request: RegisterRequest,
  options: RegisterOptions = {},
): Promise<Registered> {
  validateSubject(subject);
  validateRuleSet(request.ruleSet);
  const registered = await ctx.store.write((tx) => registerWithin(ctx, tx, subject, request, options));
  return { schema: ctx.cache.put(registered.schema), version: registered.version };
}

/**
 * Register's steps inside a write the caller holds; the subject and rule set
 * are the caller's to validate, and the result is not cached yet.
 */
export async function registerWithin(
  ctx: RegistryContext,
  tx: StoreWriter,
  subject: string,
  request: RegisterRequest,
  options: RegisterWithinOptions,
): Promise<Registered> {
  const config = await effectiveConfig(tx, subject);
  const mode = await effectiveMode(tx, subject);
  const importing = mode === 'IMPORT';
  const versions = await tx.subjectVersions(subject);
  const live = versions.filter(isLive);
  const latest = live.at(-1);
  const latestSchema = latest && (await schemaById(ctx, latest.schemaId, tx));

  // An empty schema means "the latest version's schema, with new metadata or rules".
  const input = (request.schema || importing) ? request : { ...request, ...copiedSchema(latestSchema) };
  const normalize = options.normalize || (options.configNormalize !== false && config.normalize === true);
  const candidate = await parseCandidate(ctx, tx, input, !importing && normalize);
  let metadata = importing
    ? request.metadata
    : effectiveMetadata(config.defaultMetadata, request.metadata ?? latestSchema?.metadata, config.overrideMetadata);
  const ruleSet = importing
    ? request.ruleSet
    : effectiveRuleSet(config.defaultRuleSet, request.ruleSet ?? latestSchema?.ruleSet, config.overrideRuleSet);
  const identity = { schema: candidate.text, references: candidate.references, ruleSet };
  const requestedVersion = request.version !== undefined && request.version > 0 ? request.version : undefined;
  const requestedId = request.id !== undefined && request.id >= 0 ? request.id : undefined;

  // Already live here: return it, with no compatibility check (Confluent's fast path).
  const guid = schemaGuid({ ...identity, metadata });
  for (const version of [...live].reverse()) {
    const existing = await schemaById(ctx, version.schemaId, tx);
    if (existing.guid !== guid) continue;
    if (requestedVersion !== undefined && requestedVersion !== version.version) continue;
    if (requestedId !== undefined && requestedId !== existing.id) continue;
    return { schema: existing, version };
  }

  if (isReadOnly(mode)) throw errors.operationNotPermitted(`Subject ${subject} in context . is in read-only mode`);
  if (requestedId !== undefined && !importing && mode !== 'FORWARD') {
    throw errors.operationNotPermitted(`Subject ${subject} in context . is not in import mode`);
  }
  if (requestedId === undefined && mode !== 'READWRITE') {
    throw errors.operationNotPermitted(`Subject ${subject} in context . is not in read-write mode`);
  }

  if (!importing && mode !== 'FORWARD' && !options.force) {
    if (config.validateFields) candidate.parsed.checkFieldNames?.();
    const messages = compatibilityMessages({
      leading: config.validateFields ? reservedFieldMessages(candidate.parsed, metadata, latestSchema?.metadata) : [],
      level: config.compatibilityLevel,
      policy: config.compatibilityPolicy ?? 'STRICT',
      format: candidate.format,
      candidate: candidate.parsed,
      previous: await previousSchemas(ctx, tx, live, { group: config.compatibilityGroup, metadata }),
      validateFields: config.validateFields,
    });
    ctx.checks[messages.length === 0 ? 'compatible' : 'incompatible']++;
    if (messages.length > 0) throw errors.incompatibleSchema(subject, messages);
  }

  const nextVersion = (versions.at(-1)?.version ?? 0) + 1;
  let version = nextVersion;
  if (requestedVersion !== undefined) {
    if (importing) version = requestedVersion;
    else if (requestedVersion !== nextVersion) throw errors.invalidSchema('Version is not one more than previous version');
  }
  if (versions.some((v) => v.version === version)) {
    throw errors.operationNotPermitted(`Version ${version} of subject ${subject} already exists`);
  }
  // An explicitly requested version travels in the metadata, as Confluent records it.
  if (!importing && (requestedVersion !== undefined || metadata?.properties?.[CONFLUENT_VERSION] !== undefined)) {
    metadata = withConfluentVersion(metadata, version);
  }

  const schema = await schemaFor(tx, { ...identity, metadata }, candidate.format.schemaType, requestedId);
  const subjectVersion: SubjectVersion = { subject, version, schemaId: schema.id, deleted: false, ts: Date.now() };
  await tx.insertVersion(subjectVersion);
  return { schema, version: subjectVersion };
}

/** The existing schema with this identity, or a new one under the requested or next id. */
async function schemaFor(
  tx: StoreWriter,
  identity: { schema: string; references: SchemaReference[]; metadata?: Metadata; ruleSet?: RuleSet },
  schemaType: StoredSchema['schemaType'],
  requestedId: number | undefined,
): Promise<StoredSchema> {
  const guid = schemaGuid(identity);
  if (requestedId !== undefined) {
    // An id is free, or held by this very content; the same content may take a second id (Confluent since 2022).
    const holder = await tx.schemaById(requestedId);
    if (holder?.guid === guid) return holder;
    if (holder) {
      // Held by other content: refused while a version (soft-deleted ones too) uses it; freed by permanent deletes, it is reused.
      if ((await tx.versionsOfSchema(requestedId)).length > 0) {
        throw errors.operationNotPermitted(`Overwrite new schema with id ${requestedId} in context . is not permitted.`);
      }
      await tx.removeSchema(requestedId);
    }
  } else {
    const existing = await tx.schemaByGuid(guid);
    if (existing) return existing;
  }
  const schema: StoredSchema = {
    id: requestedId ?? (await tx.maxSchemaId()) + 1,
    guid,
    schemaType,
    ...identity,
    ts: Date.now(),
  };
  if (!schema.metadata) delete schema.metadata;
  if (!schema.ruleSet) delete schema.ruleSet;
  await tx.insertSchema(schema);
  return schema;
}

function copiedSchema(latest: StoredSchema | undefined) {
  if (!latest) throw errors.invalidSchema('Empty schema');
  return { schema: latest.schema, schemaType: latest.schemaType, references: latest.references };
}

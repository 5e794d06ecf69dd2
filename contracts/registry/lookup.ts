/**
 * "Is this schema registered under this subject?" (`POST /subjects/{s}`), and
 * the latest version whose metadata matches (`GET /subjects/{s}/metadata`).
 * A match is the same type, references and text (canonical, or normalised
 * when asked); metadata and rules count only when the request gives them, and
 * `confluent:version` never counts (Confluent's `canLookup`).
 */
import { isDeepStrictEqual } from 'node:util';
import { errors } from '../errors.js';
import { withoutConfluentVersion } from '../metadata.js';
import type { StoredSchema, SubjectVersion } from '../schema.js';
import { parseCandidate, sameReferences, type Candidate } from './candidate.js';
import { effectiveConfig, parsedSchemaOf, schemaById, type RegistryContext } from './context.js';
import type { RegisterRequest, Registered } from './register.js';
import { isLive } from './versions.js';

export async function lookup(
  ctx: RegistryContext,
  subject: string,
  request: RegisterRequest,
  options: { normalize?: boolean; deleted?: boolean } = {},
): Promise<Registered> {
  const candidates = await visibleVersions(ctx, subject, options.deleted);
  // Confluent canonicalizes an empty schema to nothing, which matches no version.
  if (typeof request.schema !== 'string' || request.schema.trim() === '') throw errors.schemaNotFound();
  const normalize = options.normalize || (await effectiveConfig(ctx.store, subject)).normalize === true;
  const candidate = await parseCandidate(ctx, ctx.store, request, normalize);
  for (const version of [...candidates].reverse()) {
    const schema = await schemaById(ctx, version.schemaId);
    if (await matches(ctx, schema, candidate, request, normalize)) return { schema, version };
  }
  throw errors.schemaNotFound();
}

export async function latestWithMetadata(
  ctx: RegistryContext,
  subject: string,
  properties: Record<string, string>,
  options: { deleted?: boolean } = {},
): Promise<Registered> {
  const candidates = await visibleVersions(ctx, subject, options.deleted);
  for (const version of [...candidates].reverse()) {
    const schema = await schemaById(ctx, version.schemaId);
    const own = schema.metadata?.properties ?? {};
    if (Object.entries(properties).every(([key, value]) => own[key] === value)) return { schema, version };
  }
  throw errors.schemaNotFound();
}

async function visibleVersions(ctx: RegistryContext, subject: string, deleted = false): Promise<SubjectVersion[]> {
  const versions = await ctx.store.subjectVersions(subject);
  const visible = deleted ? versions : versions.filter(isLive);
  if (visible.length === 0) throw errors.subjectNotFound(subject);
  return visible;
}

async function matches(
  ctx: RegistryContext,
  schema: StoredSchema,
  candidate: Candidate,
  request: RegisterRequest,
  normalize: boolean,
): Promise<boolean> {
  if (schema.schemaType !== candidate.format.schemaType) return false;
  if (!sameReferences(schema.references, candidate.references)) return false;
  if (request.metadata !== undefined && !isDeepStrictEqual(withoutConfluentVersion(schema.metadata), withoutConfluentVersion(request.metadata))) {
    return false;
  }
  if (request.ruleSet !== undefined && !isDeepStrictEqual(schema.ruleSet, request.ruleSet)) return false;
  if (schema.schema === candidate.text || schema.schema === candidate.parsed.canonical()) return true;
  return normalize && (await parsedSchemaOf(ctx, schema)).normalized() === candidate.parsed.normalized();
}

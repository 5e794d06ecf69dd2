/**
 * `POST /compatibility/subjects/{s}/versions[/{v}]`: would this schema be
 * accepted? With a version, only that live version is compared, in the
 * direction of the subject's level; without, every live version, as register
 * would. A subject with no live versions is compatible with anything.
 */
import { compatibilityMessages } from '../compatibility.js';
import { reservedFieldMessages } from '../reserved-fields.js';
import { errors, RegistryError } from '../errors.js';
import { parseCandidate, type Candidate } from './candidate.js';
import { effectiveConfig, schemaById, type RegistryContext } from './context.js';
import { previousSchemas } from './previous-schemas.js';
import type { RegisterRequest } from './register.js';
import { isLive, type VersionRef } from './versions.js';

export interface CompatibilityVerdict {
  isCompatible: boolean;
  messages: string[];
}

export async function checkCompatibility(
  ctx: RegistryContext,
  subject: string,
  version: VersionRef | undefined,
  request: RegisterRequest,
  options: { normalize?: boolean; verbose?: boolean } = {},
): Promise<CompatibilityVerdict> {
  const live = (await ctx.store.subjectVersions(subject)).filter(isLive);
  let compared = live;
  if (version === 'latest') compared = live.slice(-1);
  else if (version !== undefined) {
    compared = live.filter((v) => v.version === version);
    if (compared.length === 0) throw errors.versionNotFound(version);
  }
  const config = await effectiveConfig(ctx.store, subject);

  let candidate: Candidate;
  try {
    candidate = await parseCandidate(ctx, ctx.store, request, options.normalize || config.normalize === true);
  } catch (error) {
    // Confluent answers an invalid schema with a verdict, not an error, when asked to be verbose.
    if (options.verbose && error instanceof RegistryError && error.errorCode === 42201) {
      return { isCompatible: false, messages: [error.message] };
    }
    throw error;
  }
  if (config.validateFields) candidate.parsed.checkFieldNames?.();
  const previous = compared.at(-1) && (await schemaById(ctx, compared.at(-1)!.schemaId));
  const messages = compatibilityMessages({
    // As a registration would see it: without metadata of its own, the latest version's is inherited.
    leading: config.validateFields ? reservedFieldMessages(candidate.parsed, request.metadata ?? previous?.metadata, previous?.metadata) : [],
    level: config.compatibilityLevel,
    policy: config.compatibilityPolicy ?? 'STRICT',
    format: candidate.format,
    candidate: candidate.parsed,
    previous: await previousSchemas(ctx, ctx.store, compared, { group: config.compatibilityGroup, metadata: request.metadata }),
    validateFields: config.validateFields,
  });
  ctx.checks[messages.length === 0 ? 'compatible' : 'incompatible']++;
  return { isCompatible: messages.length === 0, messages };
}

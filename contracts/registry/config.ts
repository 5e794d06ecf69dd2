/**
 * Compatibility config at global and subject scope (`ConfigResource.java`):
 * reading it (40408 for a subject without its own unless `defaultToGlobal`),
 * updating it field by field (absent keeps, null clears), deleting it.
 */
import {
  COMPATIBILITY_LEVELS,
  COMPATIBILITY_POLICIES,
  DEFAULT_COMPATIBILITY_LEVEL,
  GLOBAL_SCOPE,
  type CompatibilityLevel,
  type ConfigValue,
} from '../config.js';
import { errors } from '../errors.js';
import { validateRuleSet } from '../rule-set.js';
import { validateSubject } from '../subject.js';
import { assertWritable, effectiveConfig, type RegistryContext } from './context.js';

/** An update: a field absent keeps its value, a field set to null clears it. */
export type ConfigUpdate = { [K in keyof ConfigValue]?: ConfigValue[K] | null };

export async function getConfig(ctx: RegistryContext, subject: string | undefined, defaultToGlobal = false): Promise<ConfigValue> {
  if (subject === undefined) return withLevel(await ctx.store.config(GLOBAL_SCOPE));
  if (defaultToGlobal) return effectiveConfig(ctx.store, subject);
  const own = await ctx.store.config(subject);
  if (!own) throw errors.subjectCompatibilityNotConfigured(subject);
  return withLevel(own);
}

/** Applies an update; returns the stored config after it. */
export async function updateConfig(ctx: RegistryContext, subject: string | undefined, update: ConfigUpdate): Promise<ConfigValue> {
  if (subject !== undefined) validateSubject(subject);
  const normalized = normalizeUpdate(update);
  const scope = subject ?? GLOBAL_SCOPE;
  return ctx.store.write(async (tx) => {
    await assertWritable(tx, subject);
    const merged: Record<string, unknown> = { ...(await tx.config(scope)) };
    for (const [key, value] of Object.entries(normalized)) {
      if (value === null) delete merged[key];
      else if (value !== undefined) merged[key] = value;
    }
    await tx.putConfig(scope, merged as ConfigValue);
    return merged as ConfigValue;
  });
}

/** Removes a scope's config; returns what it was. */
export async function deleteConfig(ctx: RegistryContext, subject: string | undefined): Promise<ConfigValue> {
  const scope = subject ?? GLOBAL_SCOPE;
  return ctx.store.write(async (tx) => {
    await assertWritable(tx, subject);
    const previous = await tx.config(scope);
    if (!previous && subject !== undefined) throw errors.subjectNotFound(subject);
    await tx.deleteConfig(scope);
    return withLevel(previous);
  });
}

function withLevel(config: ConfigValue | undefined): ConfigValue {
  return { ...config, compatibilityLevel: config?.compatibilityLevel ?? DEFAULT_COMPATIBILITY_LEVEL };
}

function normalizeUpdate(update: ConfigUpdate): ConfigUpdate {
  const { compatibilityLevel: level, compatibilityPolicy: policy } = update;
  const result = { ...update };
  if (level !== undefined && level !== null) {
    const upper = String(level).toUpperCase() as CompatibilityLevel;
    if (!COMPATIBILITY_LEVELS.includes(upper)) throw errors.invalidCompatibilityLevel();
    result.compatibilityLevel = upper;
  }
  if (policy !== undefined && policy !== null) {
    const upper = String(policy).toUpperCase() as (typeof COMPATIBILITY_POLICIES)[number];
    if (!COMPATIBILITY_POLICIES.includes(upper)) {
      throw errors.invalidCompatibilityLevel();
    }
    result.compatibilityPolicy = upper;
  }
  validateRuleSet(update.defaultRuleSet ?? undefined);
  validateRuleSet(update.overrideRuleSet ?? undefined);
  return result;
}

/**
 * Registry configuration and modes, as Confluent stores them per scope
 * (global or subject): `entities/Config.java`, `storage/Mode.java`.
 */
import type { Metadata, RuleSet } from './schema.js';
import type { CompatibilityPolicy } from './formats/format.js';

export const COMPATIBILITY_LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

export const COMPATIBILITY_POLICIES = ['STRICT', 'LENIENT'] as const;

export const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT', 'FORWARD'] as const;
export type Mode = (typeof MODES)[number];

/** What a scope may configure; absent fields inherit from the wider scope. */
export interface ConfigValue {
  compatibilityLevel?: CompatibilityLevel;
  compatibilityPolicy?: CompatibilityPolicy;
  compatibilityGroup?: string;
  normalize?: boolean;
  validateFields?: boolean;
  validateRules?: boolean;
  validateNewSchemas?: boolean;
  alias?: string;
  aliasForDeks?: string;
  defaultMetadata?: Metadata;
  overrideMetadata?: Metadata;
  defaultRuleSet?: RuleSet;
  overrideRuleSet?: RuleSet;
}

/** The scope key under which global config and mode are stored (a name Confluent reserves). */
export const GLOBAL_SCOPE = '__GLOBAL';

export const DEFAULT_COMPATIBILITY_LEVEL: CompatibilityLevel = 'BACKWARD';
export const DEFAULT_MODE: Mode = 'READWRITE';

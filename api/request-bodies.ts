/**
 * Request bodies checked for shape before they reach the registry, as Jackson
 * would map them: a body of the wrong JSON shape is 400, a missing one 422.
 * Unknown properties are ignored (`@JsonIgnoreProperties(ignoreUnknown=true)`).
 */
import { errors } from '../contracts/errors.js';
import type { ConfigUpdate, RegisterRequest, TagSchemaRequest } from '../contracts/registry/index.js';
import { SCHEMA_ENTITY_TYPES, type SchemaEntityType, type SchemaTags } from '../contracts/schema-tags.js';
import type { Metadata, RuleSet, SchemaReference } from '../contracts/schema.js';

type Json = Record<string, unknown>;

function object(body: unknown, entity: string): Json {
  if (body === undefined) throw errors.unprocessable(`The ${entity} request body is missing`);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badRequest(`Cannot deserialize ${entity} from ${Array.isArray(body) ? 'an array' : JSON.stringify(body)}`);
  }
  return body as Json;
}

function field<T>(body: Json, name: string, check: (v: unknown) => boolean, expected: string): T | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw errors.badRequest(`Field '${name}' must be ${expected}`);
  return value as T;
}

const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isInteger = (v: unknown) => Number.isInteger(v);
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isReferenceList = (v: unknown) => Array.isArray(v) && v.every(isObject);

/** Confluent's `RuleKind` and `RuleMode` enums, in declaration order. */
const RULE_ENUMS = {
  kind: { type: 'RuleKind', values: ['TRANSFORM', 'CONDITION'] },
  mode: { type: 'RuleMode', values: ['UPGRADE', 'DOWNGRADE', 'UPDOWN', 'WRITE', 'READ', 'WRITEREAD'] },
} as const;

/**
 * A rule set object whose rules' `kind` and `mode` are enum values: Jackson
 * binds them case-sensitively and answers anything else with a 400 before
 * any rule is validated (42210 is for what binds but breaks the rules).
 */
function isRuleSet(v: unknown): boolean {
  if (!isObject(v)) return false;
  for (const list of ['migrationRules', 'domainRules', 'encodingRules'] as const) {
    const rules = (v as Json)[list];
    if (rules === undefined || rules === null) continue;
    if (!Array.isArray(rules) || !rules.every(isObject)) return false;
    for (const rule of rules as Json[]) {
      for (const [key, { type, values }] of Object.entries(RULE_ENUMS)) {
        const value = rule[key];
        if (value === undefined || value === null || (values as readonly unknown[]).includes(value)) continue;
        throw errors.badRequest(
          `Cannot deserialize value of type \`io.confluent.kafka.schemaregistry.client.rest.entities.${type}\` from String ${JSON.stringify(String(value))}: ` +
            `not one of the values accepted for Enum class: [${values.join(', ')}]`,
        );
      }
    }
  }
  return true;
}
const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);
const isEntityType = (v: unknown) => (SCHEMA_ENTITY_TYPES as readonly unknown[]).includes(v);

export function registerRequest(body: unknown): RegisterRequest {
  const json = object(body, 'RegisterSchemaRequest');
  return {
    schema: field<string>(json, 'schema', isString, 'a string'),
    schemaType: field<string>(json, 'schemaType', isString, 'a string'),
    references: field<SchemaReference[]>(json, 'references', isReferenceList, 'a list of references'),
    metadata: field<Metadata>(json, 'metadata', isObject, 'an object'),
    ruleSet: field<RuleSet>(json, 'ruleSet', isRuleSet, 'a rule set'),
    version: field<number>(json, 'version', isInteger, 'an integer'),
    id: field<number>(json, 'id', isInteger, 'an integer'),
  };
}

/** `TagSchemaRequest`; an entity needs a path and Confluent's lower-case type, tags a list. */
export function tagSchemaRequest(body: unknown): TagSchemaRequest {
  const json = object(body, 'TagSchemaRequest');
  return {
    newVersion: field<number>(json, 'newVersion', isInteger, 'an integer'),
    tagsToAdd: schemaTagsList(json, 'tagsToAdd'),
    tagsToRemove: schemaTagsList(json, 'tagsToRemove'),
    metadata: field<Metadata>(json, 'metadata', isObject, 'an object'),
    ruleSet: field<RuleSet>(json, 'ruleSet', isRuleSet, 'a rule set'),
    rulesToMerge: field<RuleSet>(json, 'rulesToMerge', isRuleSet, 'a rule set'),
    rulesToRemove: field<string[]>(json, 'rulesToRemove', isStringList, 'a list of strings'),
  };
}

function schemaTagsList(json: Json, name: string): SchemaTags[] | undefined {
  const list = field<unknown[]>(json, name, Array.isArray, 'a list of schema tags');
  return list?.map((item) => {
    const tags = object(item, 'SchemaTags');
    const entity = object(tags.schemaEntity ?? null, 'SchemaEntity');
    return {
      schemaEntity: {
        entityPath: required<string>(entity, 'entityPath', isString, 'a string'),
        entityType: required<SchemaEntityType>(entity, 'entityType', isEntityType, `one of ${SCHEMA_ENTITY_TYPES.join(', ')}`),
      },
      tags: required<string[]>(tags, 'tags', isStringList, 'a list of strings'),
    };
  });
}

function required<T>(body: Json, name: string, check: (v: unknown) => boolean, expected: string): T {
  const value = field<T>(body, name, check, expected);
  if (value === undefined) throw errors.badRequest(`Field '${name}' must be ${expected}`);
  return value;
}

const CONFIG_FIELDS = {
  alias: isString,
  aliasForDeks: isString,
  normalize: isBoolean,
  validateFields: isBoolean,
  validateNewSchemas: isBoolean,
  validateRules: isBoolean,
  compatibilityPolicy: isString,
  compatibilityGroup: isString,
  defaultMetadata: isObject,
  overrideMetadata: isObject,
  defaultRuleSet: isRuleSet,
  overrideRuleSet: isRuleSet,
} as const;

/** `ConfigUpdateRequest`: the level travels as `compatibility`; null clears a field. */
export function configUpdate(body: unknown): ConfigUpdate {
  const json = object(body, 'ConfigUpdateRequest');
  const update: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(CONFIG_FIELDS)) {
    if (json[name] === null) update[name] = null;
    else if (json[name] !== undefined) update[name] = field(json, name, check, 'of another type');
  }
  if (json.compatibility === null) update.compatibilityLevel = null;
  else if (json.compatibility !== undefined) update.compatibilityLevel = field<string>(json, 'compatibility', isString, 'a string');
  return update as ConfigUpdate;
}

export function modeUpdate(body: unknown): unknown {
  return object(body, 'ModeUpdateRequest').mode;
}

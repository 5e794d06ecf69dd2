/**
 * The JSON entities of Confluent's API (`client/.../rest/entities/`), built
 * from the registry's records. Empty lists and absent objects are left out,
 * as Jackson's NON_EMPTY does; `schemaType` is always present (CP 8 and later).
 */
import type { ConfigValue } from '../contracts/config.js';
import type { StoredSchema, SubjectVersion } from '../contracts/schema.js';

function schemaBody(schema: StoredSchema) {
  return {
    ...(schema.references.length > 0 && { references: schema.references }),
    ...(schema.metadata && { metadata: schema.metadata }),
    ...(schema.ruleSet && { ruleSet: schema.ruleSet }),
    schema: schema.schema,
  };
}

/** `Schema`: a subject version with its schema. */
export function schemaEntity(schema: StoredSchema, version: SubjectVersion) {
  return {
    subject: version.subject,
    version: version.version,
    id: schema.id,
    guid: schema.guid,
    schemaType: schema.schemaType,
    ...schemaBody(schema),
    ts: version.ts,
    deleted: version.deleted,
  };
}

/** `RegisterSchemaResponse`. */
export function registerResponse(schema: StoredSchema, version: SubjectVersion) {
  return {
    id: schema.id,
    version: version.version,
    guid: schema.guid,
    schemaType: schema.schemaType,
    ...schemaBody(schema),
    ts: version.ts,
    deleted: version.deleted,
  };
}

/** `SchemaString`: a schema by id or guid; `subject`/`version` when the request named a subject holding it. */
export function schemaStringEntity(schema: StoredSchema, version?: SubjectVersion, maxId?: number) {
  return {
    ...(version && { subject: version.subject, version: version.version }),
    guid: schema.guid,
    schemaType: schema.schemaType,
    ...schemaBody(schema),
    ...(maxId !== undefined && { maxId }),
    ts: schema.ts,
    deleted: version?.deleted ?? false,
  };
}

/** `Config` (GET): the level under `compatibilityLevel`. */
export function configEntity(config: ConfigValue) {
  return config;
}

/** `ConfigUpdateRequest` (PUT's answer): the same fields, the level under `compatibility`. */
export function configUpdateEntity(config: ConfigValue) {
  const { compatibilityLevel, ...rest } = config;
  return { ...(compatibilityLevel && { compatibility: compatibilityLevel }), ...rest };
}

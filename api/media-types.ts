/**
 * The media types Confluent's resources consume and produce
 * (`client/.../rest/Versions.java`). `application/octet-stream` is what a
 * client without a Content-Type gets treated as, and is read as JSON.
 */
export const SCHEMA_REGISTRY_V1_JSON = 'application/vnd.schemaregistry.v1+json';

export const ACCEPTED_REQUEST_TYPES = [
  SCHEMA_REGISTRY_V1_JSON,
  'application/vnd.schemaregistry+json',
  'application/json',
  'application/octet-stream',
] as const;

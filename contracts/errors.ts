/**
 * The registry's error catalogue: one factory per Confluent error, worded as
 * Confluent's `Errors.java` and `Rest*Exception.java` word them
 * (core/src/main/java/io/confluent/kafka/schemaregistry/rest/exceptions/).
 * The HTTP status is derived from the code: 40401 → 404, a three-digit code is
 * its own status.
 */

export class RegistryError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }

  get status(): number {
    return httpStatusOf(this.errorCode);
  }
}

export function httpStatusOf(errorCode: number): number {
  return errorCode >= 1000 ? Number(String(errorCode).slice(0, 3)) : errorCode;
}

const make = (code: number) => (message: string) => new RegistryError(code, message);

/** Every error a client can cause, by Confluent's constant name. */
export const errors = {
  // 404xx
  subjectNotFound: (subject: string) => make(40401)(`Subject '${subject}' not found.`),
  versionNotFound: (version: number | string) => make(40402)(`Version ${version} not found.`),
  schemaNotFound: (idOrGuid?: number | string) =>
    make(40403)(idOrGuid === undefined ? 'Schema not found' : `Schema ${idOrGuid} not found`),
  subjectSoftDeleted: (subject: string) =>
    make(40404)(`Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`),
  subjectNotSoftDeleted: (subject: string) =>
    make(40405)(`Subject '${subject}' was not deleted first before being permanently deleted`),
  schemaVersionSoftDeleted: (subject: string, version: number) =>
    make(40406)(`Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`),
  schemaVersionNotSoftDeleted: (subject: string, version: number) =>
    make(40407)(`Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`),
  subjectCompatibilityNotConfigured: (subject: string) =>
    make(40408)(`Subject '${subject}' does not have subject-level compatibility configured`),
  subjectModeNotConfigured: (subject: string) =>
    make(40409)(`Subject '${subject}' does not have subject-level mode configured`),
  // 409xx
  incompatibleSchema: (subject: string, details: string[]) =>
    make(40901)(
      `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${details.join(', ')}]`,
    ),
  // 422xx
  invalidSchema: (message: string) => make(42201)(message),
  invalidVersion: (version: string) =>
    make(42202)(
      `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
    ),
  invalidCompatibilityLevel: () =>
    make(42203)(
      'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    ),
  invalidMode: (message = 'Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.') => make(42204)(message),
  operationNotPermitted: (message: string) => make(42205)(message),
  referenceExists: (what: string) => make(42206)(`One or more references exist to the schema ${what}.`),
  invalidSubject: (subject: string) => make(42208)(`The specified subject '${subject}' is not a valid.`),
  schemaTooLarge: () => make(42209)('Register operation failed because schema is too large'),
  invalidRuleSet: (message: string) => make(42210)(message),
  // generic, rest-utils style: the code is the status
  badRequest: (message: string) => make(400)(message),
  notFound: (message = 'HTTP 404 Not Found') => make(404)(message),
  methodNotAllowed: () => make(405)('HTTP 405 Method Not Allowed'),
  payloadTooLarge: (limit: string) => make(413)(`Request body is larger than ${limit}`),
  unsupportedMediaType: () => make(415)('HTTP 415 Unsupported Media Type'),
  unprocessable: (message: string) => make(422)(message),
  // 500xx: server side
  storeError: (message: string) => make(50001)(message),
  internal: (message = 'Internal Server Error') => make(500)(message),
  unavailable: (message: string) => make(503)(message),
} as const;

export type ErrorName = keyof typeof errors;

/**
 * The JSON Schemas the auth file is validated against: the project's own
 * format (documented in the README, printed by `creg auth schema`) and
 * Karapace's, read as Karapace's README describes it.
 */

const name = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[^\\s:]+$' } as const;
const names = { type: 'array', items: name, uniqueItems: true } as const;

export const AUTH_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://contract-registry.dev/schemas/auth-file.json',
  title: 'Contract Registry auth file',
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    users: {
      description: 'People and services signing in with a password (HTTP Basic).',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'passwordHash'],
        properties: {
          name,
          passwordHash: { description: 'What `creg auth hash-password` prints: $scrypt$ln=…,r=…,p=…$salt$hash', type: 'string' },
          groups: names,
        },
      },
    },
    tokens: {
      description: 'API tokens: sent as Basic key:secret or as Bearer key.secret. Only a hash of the secret is stored (`creg auth token`).',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'secretHash'],
        properties: {
          key: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
          secretHash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
          principal: { ...name, description: 'The name rules and the audit trail know the token by; default its key.' },
          groups: names,
          expires: { description: 'ISO 8601 date or time after which the token is refused.', type: 'string' },
        },
      },
    },
    oidc: {
      description: 'Bearer JWTs from an OpenID Connect issuer.',
      type: 'object',
      additionalProperties: false,
      required: ['issuer', 'audience'],
      properties: {
        issuer: { type: 'string', minLength: 1 },
        audience: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] },
        jwksUrl: { type: 'string', minLength: 1 },
        algorithms: {
          type: 'array',
          minItems: 1,
          items: { enum: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] },
        },
        principalClaim: { type: 'string', minLength: 1 },
        groupsClaims: { type: 'array', items: { type: 'string', minLength: 1 } },
        clockToleranceSeconds: { type: 'number', minimum: 0 },
        jwksCooldownSeconds: { type: 'number', minimum: 0 },
      },
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['principals', 'operations'],
        anyOf: [{ required: ['subjects'] }, { required: ['subjectPrefixes'] }, { required: ['global'] }],
        properties: {
          principals: {
            description: 'Principal names, group:NAME, anonymous (everyone, signed in or not) or authenticated (everyone signed in).',
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1, maxLength: 262 },
          },
          operations: {
            type: 'array',
            minItems: 1,
            items: { enum: ['read', 'write', 'delete', 'config_read', 'config_write', 'verify', 'deploy', 'audit'] },
          },
          subjects: { type: 'array', items: { type: 'string', minLength: 1 } },
          subjectPrefixes: { description: 'An empty prefix is every subject.', type: 'array', items: { type: 'string' } },
          global: { description: 'The registry as a whole: global config and mode, the audit trail.', type: 'boolean' },
        },
      },
    },
  },
} as const;

export const KARAPACE_AUTH_FILE_SCHEMA = {
  type: 'object',
  required: ['users', 'permissions'],
  properties: {
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['username', 'algorithm', 'salt', 'password_hash'],
        properties: {
          username: { type: 'string', minLength: 1 },
          algorithm: { enum: ['sha1', 'sha256', 'sha512', 'scrypt'] },
          salt: { type: 'string' },
          password_hash: { type: 'string', minLength: 1 },
        },
      },
    },
    permissions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['username', 'operation', 'resource'],
        properties: {
          username: { type: 'string', minLength: 1 },
          operation: { enum: ['Read', 'Write'] },
          resource: { type: 'string' },
        },
      },
    },
  },
} as const;

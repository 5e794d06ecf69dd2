/**
 * Reading an auth file: Karapace's format as it is (`users` with
 * `password_hash`, `permissions` with `Subject:<regex>` or `Config:`
 * resources), or the project's own (YAML or JSON; see
 * `auth-file-schema.ts`). Either becomes one `SecurityConfig`.
 *
 * Karapace grants: `Read` reads (subjects, their config); `Write` also
 * writes, deletes, changes config, and publishes verifications and
 * deployments. `Write` on `Config:` (or a pattern matching it) is Karapace's
 * admin, so it also reads the audit trail.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { AUTH_FILE_SCHEMA, KARAPACE_AUTH_FILE_SCHEMA } from './auth-file-schema.js';
import type { OidcConfig } from './oidc.js';
import type { Operation } from './operations.js';
import { isPasswordHash, type KarapaceAlgorithm } from './passwords.js';
import { karapacePattern, parseGrantee, Policy, type Rule } from './policy.js';

export type PasswordCheck =
  | { kind: 'karapace'; algorithm: KarapaceAlgorithm; salt: string; hash: string }
  | { kind: 'scrypt'; hash: string };

export interface UserEntry {
  name: string;
  groups: readonly string[];
  password: PasswordCheck;
}

export interface TokenEntry {
  key: string;
  principal: string;
  groups: readonly string[];
  secretHash: string;
  /** Epoch milliseconds after which the token is refused. */
  expires?: number;
}

export interface SecurityConfig {
  format: 'karapace' | 'creg';
  users: ReadonlyMap<string, UserEntry>;
  tokens: ReadonlyMap<string, TokenEntry>;
  oidc?: OidcConfig;
  policy: Policy;
}

export class AuthFileError extends Error {
  override name = 'AuthFileError';
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateOwn = ajv.compile(AUTH_FILE_SCHEMA);
const validateKarapace = ajv.compile(KARAPACE_AUTH_FILE_SCHEMA);

const KARAPACE_READ: Operation[] = ['read', 'config_read'];
const KARAPACE_WRITE: Operation[] = ['read', 'write', 'delete', 'config_read', 'config_write', 'verify', 'deploy'];

export function parseAuthFile(text: string): SecurityConfig {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new AuthFileError(`not valid YAML or JSON: ${(error as Error).message}`);
  }
  const isKarapace = typeof document === 'object' && document !== null && 'permissions' in document;
  return isKarapace ? karapaceConfig(validated(validateKarapace, document)) : ownConfig(validated(validateOwn, document));
}

function validated<T>(validate: ValidateFunction, document: unknown): T {
  if (validate(document)) return document as T;
  throw new AuthFileError(`does not match its schema: ${describe(validate.errors ?? [])}`);
}

function describe(problems: ErrorObject[]): string {
  return problems
    .slice(0, 5)
    .map((p) => `${p.instancePath || '/'} ${p.message}${p.params && 'allowedValues' in p.params ? ` (${(p.params.allowedValues as unknown[]).join(', ')})` : ''}`)
    .join('; ');
}

interface KarapaceFile {
  users: Array<{ username: string; algorithm: KarapaceAlgorithm; salt: string; password_hash: string }>;
  permissions: Array<{ username: string; operation: 'Read' | 'Write'; resource: string }>;
}

function karapaceConfig(file: KarapaceFile): SecurityConfig {
  const users = new Map<string, UserEntry>();
  for (const user of file.users) {
    if (users.has(user.username)) throw new AuthFileError(`user '${user.username}' is listed twice`);
    users.set(user.username, {
      name: user.username,
      groups: [],
      password: { kind: 'karapace', algorithm: user.algorithm, salt: user.salt, hash: user.password_hash },
    });
  }
  const rules: Rule[] = file.permissions.map((permission) => {
    let pattern: RegExp;
    try {
      pattern = karapacePattern(permission.resource);
    } catch {
      throw new AuthFileError(`permission of '${permission.username}': '${permission.resource}' is not a valid regular expression`);
    }
    const operations = permission.operation === 'Write' ? [...KARAPACE_WRITE] : [...KARAPACE_READ];
    if (permission.operation === 'Write' && pattern.test('Config:')) operations.push('audit');
    return { grantees: [{ kind: 'principal', name: permission.username }], operations, scope: { karapacePatterns: [pattern] } };
  });
  return { format: 'karapace', users, tokens: new Map(), policy: new Policy(rules) };
}

interface OwnFile {
  users?: Array<{ name: string; passwordHash: string; groups?: string[] }>;
  tokens?: Array<{ key: string; secretHash: string; principal?: string; groups?: string[]; expires?: string }>;
  oidc?: OidcConfig;
  rules: Array<{ principals: string[]; operations: Operation[]; subjects?: string[]; subjectPrefixes?: string[]; global?: boolean }>;
}

function ownConfig(file: OwnFile): SecurityConfig {
  const users = new Map<string, UserEntry>();
  const tokens = new Map<string, TokenEntry>();
  const taken = (name: string) => users.has(name) || tokens.has(name);
  for (const user of file.users ?? []) {
    if (taken(user.name)) throw new AuthFileError(`'${user.name}' is named twice among users and token keys`);
    if (!isPasswordHash(user.passwordHash)) {
      throw new AuthFileError(`user '${user.name}': passwordHash is not a hash from 'creg auth hash-password'`);
    }
    users.set(user.name, { name: user.name, groups: user.groups ?? [], password: { kind: 'scrypt', hash: user.passwordHash } });
  }
  for (const token of file.tokens ?? []) {
    if (taken(token.key)) throw new AuthFileError(`'${token.key}' is named twice among users and token keys`);
    const expires = token.expires === undefined ? undefined : Date.parse(token.expires);
    if (expires !== undefined && Number.isNaN(expires)) throw new AuthFileError(`token '${token.key}': expires '${token.expires}' is not a date`);
    tokens.set(token.key, {
      key: token.key,
      principal: token.principal ?? token.key,
      groups: token.groups ?? [],
      secretHash: token.secretHash,
      expires,
    });
  }
  const rules: Rule[] = file.rules.map((rule) => ({
    grantees: rule.principals.map(parseGrantee),
    operations: rule.operations,
    scope: { subjects: rule.subjects, subjectPrefixes: rule.subjectPrefixes, global: rule.global },
  }));
  return { format: 'creg', users, tokens, oidc: file.oidc, policy: new Policy(rules) };
}

/**
 * Rules compiled for answering "may this caller do that": a rule grants some
 * principals (by name, by group, `anonymous`, or everyone `authenticated`) a
 * set of operations on subjects (exact names, prefixes, or Karapace's
 * anchored-at-start regexes) or on the global scope. What `anonymous` may do,
 * every caller may do.
 */
import { OPERATIONS, type Operation, type Resource } from './operations.js';

export type AuthMethod = 'basic' | 'token' | 'oidc' | 'mtls' | 'anonymous';

/** Who a request comes from, once authenticated. */
export interface Identity {
  name: string;
  groups: readonly string[];
  method: AuthMethod;
}

export const ANONYMOUS: Identity = Object.freeze({ name: 'anonymous', groups: [], method: 'anonymous' });

/** Who a rule names: `alice`, `group:platform`, `anonymous`, `authenticated`. */
export type Grantee = { kind: 'principal' | 'group'; name: string } | { kind: 'anonymous' | 'authenticated' };

export interface Scope {
  subjects?: readonly string[];
  subjectPrefixes?: readonly string[];
  /** Matched as Python's `re.match` against `Subject:<name>` or `Config:` (Karapace's resources). */
  karapacePatterns?: readonly RegExp[];
  global?: boolean;
}

export interface Rule {
  grantees: readonly Grantee[];
  operations: readonly Operation[];
  scope: Scope;
}

export function parseGrantee(text: string): Grantee {
  if (text === 'anonymous' || text === 'authenticated') return { kind: text };
  if (text.startsWith('group:')) return { kind: 'group', name: text.slice('group:'.length) };
  return { kind: 'principal', name: text };
}

/** A Python regex as Karapace matches it: anchored at the start only. */
export function karapacePattern(source: string): RegExp {
  return new RegExp(`^(?:${source})`);
}

function inScope(scope: Scope, resource: Resource): boolean {
  if (resource.kind === 'global') return !!scope.global || !!scope.karapacePatterns?.some((p) => p.test('Config:'));
  const name = resource.name;
  return (
    !!scope.subjects?.includes(name) ||
    !!scope.subjectPrefixes?.some((prefix) => name.startsWith(prefix)) ||
    !!scope.karapacePatterns?.some((p) => p.test(`Subject:${name}`))
  );
}

/** Whether a scope certainly covers every subject (used to skip per-subject look-ups). */
function coversEverySubject(scope: Scope): boolean {
  return !!scope.subjectPrefixes?.includes('') || !!scope.karapacePatterns?.some((p) => p.source === '^(?:.*)' || p.source === '^(?:Subject:.*)');
}

function applies(grantee: Grantee, identity: Identity): boolean {
  switch (grantee.kind) {
    case 'anonymous':
      return true;
    case 'authenticated':
      return identity.method !== 'anonymous';
    case 'principal':
      return identity.method !== 'anonymous' && grantee.name === identity.name;
    case 'group':
      return identity.method !== 'anonymous' && identity.groups.includes(grantee.name);
  }
}

/** What one caller may do: the rules that apply to them, by operation. */
export class Permissions {
  readonly #scopes: Map<Operation, Scope[]>;
  /** Whether any rule applies at all: a caller with none is asked to authenticate. */
  readonly hasAnyGrant: boolean;
  readonly readsEverySubject: boolean;

  constructor(rules: readonly Rule[], identity: Identity) {
    this.#scopes = new Map(OPERATIONS.map((op) => [op, [] as Scope[]]));
    for (const rule of rules) {
      if (!rule.grantees.some((g) => applies(g, identity))) continue;
      for (const op of rule.operations) this.#scopes.get(op)!.push(rule.scope);
    }
    this.hasAnyGrant = [...this.#scopes.values()].some((scopes) => scopes.length > 0);
    this.readsEverySubject = this.#scopes.get('read')!.some(coversEverySubject);
  }

  /** Schema ids this caller was allowed to read a moment ago, so the hot path can serve them without a look-up. */
  readonly #readableIds = new Map<number, number>();

  rememberReadableSchema(id: number, until: number): void {
    if (this.#readableIds.size >= 10_000) this.#readableIds.clear();
    this.#readableIds.set(id, until);
  }

  mayReadSchema(id: number, now: number): boolean {
    return this.readsEverySubject || (this.#readableIds.get(id) ?? 0) > now;
  }

  can(operation: Operation, resource: Resource): boolean {
    return this.#scopes.get(operation)!.some((scope) => inScope(scope, resource));
  }

  canRead = (subject: string): boolean => this.readsEverySubject || this.can('read', { kind: 'subject', name: subject });
}

export class Policy {
  constructor(readonly rules: readonly Rule[]) {}

  permissionsOf(identity: Identity): Permissions {
    return new Permissions(this.rules, identity);
  }
}

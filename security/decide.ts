/**
 * The authorization decision for one request: a requirement from the route
 * table against what the caller may do. A caller who is refused and sent no
 * credentials is asked to authenticate (401); one who did is denied (403).
 */
import type { Caller } from './authenticator.js';
import { describeResource, OPERATION_INFO, resourceKey, subjectResource, type Operation } from './operations.js';
import type { Requirement } from './route-table.js';

export interface Decision {
  allowed: boolean;
  /** What the audit trail records: the operation that applied, and on what. */
  operation: Operation;
  resource: string;
  /** For a refusal: Confluent's message, "User is denied operation Write on Subject: orders-value". */
  message?: string;
  /** For a refusal: 401 when the caller is anonymous, 403 otherwise. */
  status?: 401 | 403;
}

export async function decide(requirement: Requirement, caller: Caller): Promise<Decision> {
  const { permissions, identity } = caller;
  const refuse = (operation: Operation, resource: string, shown: string): Decision => ({
    allowed: false,
    operation,
    resource,
    status: identity.method === 'anonymous' ? 401 : 403,
    message: `User is denied operation ${OPERATION_INFO[operation].shown} on ${shown}`,
  });
  switch (requirement.kind) {
    case 'open':
      return { allowed: true, operation: 'read', resource: 'Global' };
    case 'signed-in':
      return permissions.hasAnyGrant ? { allowed: true, operation: 'read', resource: 'Global' } : refuse('read', 'Global', 'Global');
    case 'filtered':
      // Never refused to a caller who signed in, even one granted nothing: they get an empty list.
      return permissions.hasAnyGrant || identity.method !== 'anonymous'
        ? { allowed: true, operation: 'read', resource: 'Global' }
        : refuse('read', 'Global', 'Global');
    case 'read-any': {
      const readable = requirement.subjects.find((s) => permissions.canRead(s));
      if (readable !== undefined) return { allowed: true, operation: 'read', resource: resourceKey(subjectResource(readable)) };
      // Nothing uses it: whoever reads every subject learns it is missing (404); anyone else is refused, so ids do not leak.
      const key = requirement.shown.replace(': ', ':');
      if (requirement.subjects.length === 0 && permissions.readsEverySubject) return { allowed: true, operation: 'read', resource: key };
      return refuse('read', key, requirement.shown);
    }
    case 'all': {
      const { operation, resources, unless } = requirement;
      const first = resourceKey(resources[0]!);
      if (resources.every((r) => permissions.can(operation, r))) return { allowed: true, operation, resource: first };
      if (unless && resources.every((r) => permissions.can(unless.operation, r)) && (await unless.holds())) {
        return { allowed: true, operation: unless.operation, resource: first };
      }
      const missing = resources.find((r) => !permissions.can(operation, r))!;
      return refuse(operation, resourceKey(missing), describeResource(missing));
    }
  }
}

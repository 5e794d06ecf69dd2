/**
 * The operations a rule can grant, with the names they are shown under: in a
 * denial (Confluent's "User is denied operation Write on Subject: x") and
 * beside Confluent's ACL operations, so that teams moving from Confluent's
 * security plugin can translate their ACLs.
 */

export const OPERATIONS = ['read', 'write', 'delete', 'config_read', 'config_write', 'verify', 'deploy', 'audit'] as const;
export type Operation = (typeof OPERATIONS)[number];

export function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}

export const OPERATION_INFO: Record<Operation, { shown: string; confluent: string }> = {
  read: { shown: 'Read', confluent: 'SUBJECT_READ (and SCHEMA_READ, GLOBAL_READ through it)' },
  write: { shown: 'Write', confluent: 'SUBJECT_WRITE' },
  delete: { shown: 'Delete', confluent: 'SUBJECT_DELETE' },
  config_read: { shown: 'ReadCompatibility', confluent: 'SUBJECT_COMPATIBILITY_READ, GLOBAL_COMPATIBILITY_READ' },
  config_write: { shown: 'WriteCompatibility', confluent: 'SUBJECT_COMPATIBILITY_WRITE, GLOBAL_COMPATIBILITY_WRITE' },
  verify: { shown: 'Verify', confluent: '(none: the registry’s verifications)' },
  deploy: { shown: 'Deploy', confluent: '(none: the registry’s deployments)' },
  audit: { shown: 'ReadAudit', confluent: '(none: the audit trail)' },
};

/** What an operation is granted on: a subject (a context-qualified name is just a name) or the registry as a whole. */
export type Resource = { kind: 'subject'; name: string } | { kind: 'global' };

export const subjectResource = (name: string): Resource => ({ kind: 'subject', name });
export const GLOBAL: Resource = { kind: 'global' };

export function describeResource(resource: Resource): string {
  return resource.kind === 'subject' ? `Subject: ${resource.name}` : 'Global';
}

/** The compact form the audit trail stores: `Subject:<name>` or `Global`. */
export function resourceKey(resource: Resource): string {
  return resource.kind === 'subject' ? `Subject:${resource.name}` : 'Global';
}

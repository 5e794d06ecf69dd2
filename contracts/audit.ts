/**
 * The persistence port of the audit trail: one append-only record per
 * audited request (a write, delete, config or mode change, an authentication
 * failure, a denial, and reads when they are audited). Records are never
 * updated or deleted; `seq` orders them as the database received them.
 */

export type AuditOutcome = 'success' | 'failure' | 'denied' | 'unauthenticated';

export interface AuditEvent {
  /** A UUID chosen by the node that served the request, so that a retried append is not duplicated. */
  id: string;
  /** Assigned by the store when appended; increasing in the order records were stored. */
  seq?: number;
  /** When the request was answered, epoch milliseconds. */
  at: number;
  requestId: string;
  /** The principal's name, `anonymous` when the caller sent no credentials. */
  principal: string;
  /** How the principal authenticated: `basic`, `token`, `oidc`, `mtls`, `anonymous`. */
  authMethod: string;
  /** The caller's address. */
  source: string;
  method: string;
  path: string;
  /** The operation of the route table (`read`, `write`, `delete`, `config_write`, …) or `authenticate`. */
  operation: string;
  /** `Subject:<name>`, `Schema:<id>`, `Global`, or the registry's own resource. */
  resource: string;
  /** The subject the request was about, when there is one (what the subject filter matches). */
  subject?: string;
  outcome: AuditOutcome;
  status: number;
  /** For registrations: the schema id and version registered. */
  schemaId?: number;
  version?: number;
  /** `sha256:<hex>` of what the request changed, before and after (the schema text; the config or mode). */
  beforeHash?: string;
  afterHash?: string;
  /** Why a request failed or was denied. */
  reason?: string;
}

export interface AuditFilter {
  subject?: string;
  principal?: string;
  /** Epoch milliseconds, inclusive. */
  from?: number;
  /** Epoch milliseconds, exclusive. */
  to?: number;
  /** Only records with a larger `seq` (the cursor of the previous page). */
  afterSeq?: number;
  /** At most this many, oldest first. */
  limit: number;
}

export interface AuditStore {
  /** Appends the records; a record whose id is already stored is left as it is (appends may be retried). */
  appendAudit(events: AuditEvent[]): Promise<void>;
  /** Records matching every given criterion, in `seq` order. */
  auditEvents(filter: AuditFilter): Promise<AuditEvent[]>;
}

export function isAuditStore(store: unknown): store is AuditStore {
  const candidate = store as Partial<AuditStore> | null | undefined;
  return typeof candidate?.appendAudit === 'function' && typeof candidate.auditEvents === 'function';
}

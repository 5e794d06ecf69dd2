/**
 * The audit trail (`contracts/audit.ts`) as rows of the `audit_events` table,
 * which the database keeps append-only (its migration adds triggers that
 * refuse UPDATE and DELETE). An append is `INSERT … ON CONFLICT ("id") DO
 * NOTHING`, so that the unique id, not a read before the write, decides
 * whether a record is already stored: a retry, or the same record appended
 * by two nodes at once, is stored once. Prisma's `createMany` skips
 * duplicates on PostgreSQL only, hence the SQL, which reads the same on both
 * providers. Times are epoch milliseconds in BIGINT, as everywhere in this
 * folder; absent optional fields are NULL and absent again on read.
 */
import type { AuditEvent, AuditFilter, AuditOutcome } from '../contracts/audit.js';
import type { Db } from './db.js';
import { Prisma } from './generated/sqlite/client.js';

interface AuditEventRow {
  seq: number;
  id: string;
  at: bigint;
  requestId: string;
  principal: string;
  authMethod: string;
  source: string;
  method: string;
  path: string;
  operation: string;
  resource: string;
  subject: string | null;
  outcome: string;
  status: number;
  schemaId: number | null;
  version: number | null;
  beforeHash: string | null;
  afterHash: string | null;
  reason: string | null;
}

const COLUMNS = Prisma.raw(
  '("id", "at", "request_id", "principal", "auth_method", "source", "method", "path", "operation", "resource", ' +
    '"subject", "outcome", "status", "schema_id", "version", "before_hash", "after_hash", "reason")',
);

/** `seq` is an INTEGER column, 32 bits on PostgreSQL, where a larger cursor would be an error rather than no match. */
const MAX_SEQ = 2 ** 31 - 1;

/** Rows per INSERT: 18 parameters each stays far below SQLite's 32766 and PostgreSQL's 65535. */
const CHUNK = 500;

/** Inserts in the given order, so that `seq` follows it; run inside a transaction, so that it is all or nothing. */
export async function appendAudit(tx: Db, events: AuditEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += CHUNK) {
    const rows = events.slice(start, start + CHUNK).map(values);
    await tx.$executeRaw`INSERT INTO "audit_events" ${COLUMNS} VALUES ${Prisma.join(rows)} ON CONFLICT ("id") DO NOTHING`;
  }
}

function values(event: AuditEvent): Prisma.Sql {
  return Prisma.sql`(
    ${event.id}, ${BigInt(Math.trunc(event.at))}, ${event.requestId}, ${event.principal}, ${event.authMethod},
    ${event.source}, ${event.method}, ${event.path}, ${event.operation}, ${event.resource}, ${event.subject ?? null},
    ${event.outcome}, ${event.status}, ${event.schemaId ?? null}, ${event.version ?? null},
    ${event.beforeHash ?? null}, ${event.afterHash ?? null}, ${event.reason ?? null}
  )`;
}

export async function auditEvents(db: Db, filter: AuditFilter): Promise<AuditEvent[]> {
  const take = Math.floor(filter.limit);
  const afterSeq = filter.afterSeq === undefined ? undefined : Math.max(0, Math.floor(filter.afterSeq));
  // A negative `take` would make Prisma count from the end.
  if (!(take > 0) || (afterSeq !== undefined && afterSeq >= MAX_SEQ)) return [];
  const rows = await db.auditEvent.findMany({
    where: {
      ...(filter.subject !== undefined && { subject: filter.subject }),
      ...(filter.principal !== undefined && { principal: filter.principal }),
      ...((filter.from !== undefined || filter.to !== undefined) && {
        at: {
          ...(filter.from !== undefined && { gte: epochMillis(filter.from) }),
          ...(filter.to !== undefined && { lt: epochMillis(filter.to) }),
        },
      }),
      ...(afterSeq !== undefined && { seq: { gt: afterSeq } }),
    },
    orderBy: { seq: 'asc' },
    take,
  });
  return rows.map(fromRow);
}

/** Stored times are whole milliseconds, so rounding a bound up keeps both `at >= from` and `at < to` exact. */
function epochMillis(bound: number): bigint {
  return BigInt(Math.ceil(bound));
}

function fromRow(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    at: Number(row.at),
    requestId: row.requestId,
    principal: row.principal,
    authMethod: row.authMethod,
    source: row.source,
    method: row.method,
    path: row.path,
    operation: row.operation,
    resource: row.resource,
    ...(row.subject !== null && { subject: row.subject }),
    outcome: row.outcome as AuditOutcome,
    status: row.status,
    ...(row.schemaId !== null && { schemaId: row.schemaId }),
    ...(row.version !== null && { version: row.version }),
    ...(row.beforeHash !== null && { beforeHash: row.beforeHash }),
    ...(row.afterHash !== null && { afterHash: row.afterHash }),
    ...(row.reason !== null && { reason: row.reason }),
  };
}

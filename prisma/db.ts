/**
 * The Prisma surface the store runs its queries on: a client, or the client
 * of an interactive transaction, typed by the SQLite generated client. The
 * PostgreSQL client has the same models but is another class to TypeScript
 * (its transactions take more isolation levels, its filters more options), so
 * it enters through `postgresClientAsClient`, which is sound only while the
 * two schemas' models are equal: the checks below fail the type check when a
 * model of one provider differs from the other's.
 */
import type * as Sqlite from './generated/sqlite/client.js';
import type * as Postgres from './generated/postgresql/client.js';

export type Db = Sqlite.Prisma.TransactionClient;
export type Client = Sqlite.PrismaClient;

export function postgresClientAsClient(client: Postgres.PrismaClient): Client {
  return client as unknown as Client;
}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type SqliteModels = [
  Sqlite.Schema,
  Sqlite.SubjectVersion,
  Sqlite.SchemaReference,
  Sqlite.Config,
  Sqlite.Mode,
  Sqlite.Verification,
  Sqlite.Deployment,
  Sqlite.AuditEvent,
  Sqlite.Prisma.SubjectVersionUncheckedCreateInput,
  Sqlite.Prisma.SchemaReferenceUncheckedCreateInput,
];
type PostgresModels = [
  Postgres.Schema,
  Postgres.SubjectVersion,
  Postgres.SchemaReference,
  Postgres.Config,
  Postgres.Mode,
  Postgres.Verification,
  Postgres.Deployment,
  Postgres.AuditEvent,
  Postgres.Prisma.SubjectVersionUncheckedCreateInput,
  Postgres.Prisma.SchemaReferenceUncheckedCreateInput,
];

// The rows of every model, and the create inputs of the models without relations to create.
true satisfies Equal<SqliteModels, PostgresModels>;

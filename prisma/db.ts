/**
 * The Prisma surface the store runs its queries on: a client, or the client
 * of an interactive transaction. The SQLite generated client is the one
 * generated today; the PostgreSQL one has the same models, so the store's
 * queries type-check against either.
 */
import type { Prisma, PrismaClient } from './generated/sqlite/client.js';

export type Db = Prisma.TransactionClient;
export type Client = PrismaClient;

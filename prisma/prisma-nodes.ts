/**
 * Registry membership (`contracts/nodes.ts`) as rows of `registry_nodes`: a
 * heartbeat is one upsert, the count one indexed range count. Times are the
 * nodes' own clocks, in epoch milliseconds like everywhere in this folder.
 */
import type { RegistryNode } from '../contracts/nodes.js';
import type { Db } from './db.js';

export async function heartbeat(db: Db, node: RegistryNode, at: number): Promise<void> {
  await db.$executeRaw`INSERT INTO "registry_nodes" ("id", "host", "started_at", "seen_at")
    VALUES (${node.id}, ${node.host}, ${BigInt(Math.trunc(node.startedAt))}, ${BigInt(Math.trunc(at))})
    ON CONFLICT ("id") DO UPDATE SET "seen_at" = excluded."seen_at"`;
}

export async function liveNodeCount(db: Db, since: number): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`SELECT COUNT(*) AS "n" FROM "registry_nodes" WHERE "seen_at" >= ${BigInt(Math.trunc(since))}`;
  return Number(row?.n ?? 0);
}

export async function leave(db: Db, id: string, staleBefore: number): Promise<void> {
  await db.$executeRaw`DELETE FROM "registry_nodes" WHERE "id" = ${id} OR "seen_at" < ${BigInt(Math.trunc(staleBefore))}`;
}

/**
 * `RegistryStats` in four counting queries over indexed tables, the same SQL
 * on both providers (a boolean column reads as a condition on both).
 */
import type { RegistryStats } from '../contracts/registry-stats.js';
import { SCHEMA_TYPES, type SchemaType } from '../contracts/schema.js';
import type { Db } from './db.js';

type Count = bigint | number | null;

const byType = () => Object.fromEntries(SCHEMA_TYPES.map((type) => [type, 0])) as Record<SchemaType, number>;

export async function registryStats(db: Db): Promise<RegistryStats> {
  const [versionRows, schemaRows, subjectRows, recordRows] = await Promise.all([
    db.$queryRaw<{ type: string; total: Count; deleted: Count }[]>`
      SELECT s."schema_type" AS "type", COUNT(*) AS "total", SUM(CASE WHEN v."deleted" THEN 1 ELSE 0 END) AS "deleted"
      FROM "subject_versions" v JOIN "schemas" s ON s."id" = v."schema_id" GROUP BY s."schema_type"`,
    db.$queryRaw<{ type: string; total: Count }[]>`SELECT "schema_type" AS "type", COUNT(*) AS "total" FROM "schemas" GROUP BY "schema_type"`,
    db.$queryRaw<{ total: Count }[]>`SELECT COUNT(DISTINCT "subject") AS "total" FROM "subject_versions" WHERE NOT "deleted"`,
    db.$queryRaw<{ verifications: Count; deployments: Count }[]>`
      SELECT (SELECT COUNT(*) FROM "verifications") AS "verifications", (SELECT COUNT(*) FROM "deployments") AS "deployments"`,
  ]);
  const stats: RegistryStats = {
    versions: byType(),
    deletedVersions: byType(),
    schemas: byType(),
    subjects: Number(subjectRows[0]?.total ?? 0),
    verifications: Number(recordRows[0]?.verifications ?? 0),
    deployments: Number(recordRows[0]?.deployments ?? 0),
  };
  for (const row of versionRows) {
    const type = row.type as SchemaType;
    stats.versions[type] = Number(row.total ?? 0);
    stats.deletedVersions[type] = Number(row.deleted ?? 0);
  }
  for (const row of schemaRows) stats.schemas[row.type as SchemaType] = Number(row.total ?? 0);
  return stats;
}

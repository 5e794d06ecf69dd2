/**
 * Conformance verifications (`contracts/verifications.ts`) as rows of the
 * `verifications` table: one row per subject version of a run, grouped back
 * into runs on read. Scenario verdicts are JSON text, times epoch
 * milliseconds in BIGINT, as everywhere in this folder.
 */
import type { ScenarioVerdict, Verification, VerificationFilter } from '../contracts/verifications.js';
import type { Db } from './db.js';

interface VerificationRow {
  runId: string;
  subject: string;
  version: number;
  schemaId: number;
  consumer: string;
  consumerVersion: string;
  success: boolean;
  scenarios: string;
  seed: string | null;
  tool: string | null;
  ts: bigint;
}

export async function insertVerification(db: Db, verification: Verification): Promise<void> {
  await db.verification.createMany({
    data: verification.versions.map((verified) => ({
      runId: verification.id,
      subject: verification.subject,
      version: verified.version,
      schemaId: verified.schemaId,
      consumer: verification.consumer,
      consumerVersion: verification.consumerVersion,
      success: verified.success,
      scenarios: JSON.stringify(verified.scenarios),
      seed: verification.seed ?? null,
      tool: verification.tool ?? null,
      ts: BigInt(Math.trunc(verification.ts)),
    })),
  });
}

export async function verificationById(db: Db, id: string): Promise<Verification | undefined> {
  const rows = await db.verification.findMany({ where: { runId: id } });
  return runsFromRows(rows)[0];
}

export async function verifications(db: Db, filter: VerificationFilter): Promise<Verification[]> {
  const where = {
    ...(filter.subject !== undefined && { subject: filter.subject }),
    ...(filter.version !== undefined && { version: filter.version }),
    ...(filter.consumer !== undefined && { consumer: filter.consumer }),
    ...(filter.consumerVersion !== undefined && { consumerVersion: filter.consumerVersion }),
  };
  return runsFromRows(await db.verification.findMany({ where }));
}

/** Rows grouped by run, versions ascending, runs newest first (then by id, for a stable order). */
function runsFromRows(rows: VerificationRow[]): Verification[] {
  const runs = new Map<string, Verification>();
  for (const row of [...rows].sort((a, b) => a.version - b.version)) {
    let run = runs.get(row.runId);
    if (!run) {
      run = {
        id: row.runId,
        subject: row.subject,
        consumer: row.consumer,
        consumerVersion: row.consumerVersion,
        success: true,
        ...(row.seed !== null && { seed: row.seed }),
        ...(row.tool !== null && { tool: row.tool }),
        ts: Number(row.ts),
        versions: [],
      };
      runs.set(row.runId, run);
    }
    run.success &&= row.success;
    run.versions.push({
      version: row.version,
      schemaId: row.schemaId,
      success: row.success,
      scenarios: JSON.parse(row.scenarios) as ScenarioVerdict[],
    });
  }
  return [...runs.values()].sort((a, b) => b.ts - a.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Deployments (`contracts/deployments.ts`) as rows of the `deployments`
 * table. The contracts a deployment writes and reads are JSON text, times
 * epoch milliseconds in BIGINT, as everywhere in this folder. `record` runs
 * inside the store's write transaction, so that two recordings of one
 * participant in one environment cannot both stay current.
 */
import type { Deployment, DeploymentFilter, ProducedVersion } from '../contracts/deployments.js';
import type { Db } from './db.js';

interface DeploymentRow {
  id: string;
  participant: string;
  version: string;
  environment: string;
  produces: string;
  consumes: string;
  deployedAt: bigint;
  undeployedAt: bigint | null;
}

const current = { undeployedAt: null };

export async function recordDeployment(tx: Db, deployment: Deployment): Promise<void> {
  await tx.deployment.updateMany({
    where: { participant: deployment.participant, environment: deployment.environment, ...current },
    data: { undeployedAt: BigInt(Math.trunc(deployment.deployedAt)) },
  });
  await tx.deployment.create({
    data: {
      id: deployment.id,
      participant: deployment.participant,
      version: deployment.version,
      environment: deployment.environment,
      produces: JSON.stringify(deployment.produces),
      consumes: JSON.stringify(deployment.consumes),
      deployedAt: BigInt(Math.trunc(deployment.deployedAt)),
    },
  });
}

export async function undeploy(tx: Db, id: string, at: number): Promise<Deployment | undefined> {
  await tx.deployment.updateMany({ where: { id, ...current }, data: { undeployedAt: BigInt(Math.trunc(at)) } });
  return deploymentById(tx, id);
}

export async function deploymentById(db: Db, id: string): Promise<Deployment | undefined> {
  const row = await db.deployment.findUnique({ where: { id } });
  return row ? fromRow(row) : undefined;
}

export async function deployments(db: Db, filter: DeploymentFilter): Promise<Deployment[]> {
  const rows = await db.deployment.findMany({
    where: {
      ...(filter.environment !== undefined && { environment: filter.environment }),
      ...(filter.participant !== undefined && { participant: filter.participant }),
      ...(!filter.includeUndeployed && current),
    },
    orderBy: [{ deployedAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(fromRow);
}

function fromRow(row: DeploymentRow): Deployment {
  return {
    id: row.id,
    participant: row.participant,
    version: row.version,
    environment: row.environment,
    produces: JSON.parse(row.produces) as ProducedVersion[],
    consumes: JSON.parse(row.consumes) as string[],
    deployedAt: Number(row.deployedAt),
    ...(row.undeployedAt !== null && { undeployedAt: Number(row.undeployedAt) }),
  };
}

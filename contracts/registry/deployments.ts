/**
 * Use cases of deployments (`../deployments.ts`): record that a participant
 * version runs in an environment (with the contracts it writes and reads),
 * undeploy it, read and list them. A deployment may only name subjects the
 * registry holds and, for what it writes, versions that exist (`latest`
 * resolves to a number when recorded, so the record never drifts). Recording
 * the version that is already current there, with the same contracts,
 * answers the current record: CI may retry. Not part of Confluent's API: the
 * routes build these from the registry's store, as for verifications.
 */
import { randomUUID } from 'node:crypto';
import { isDeploymentStore, type Deployment, type DeploymentFilter, type DeploymentStore, type ProducedVersion } from '../deployments.js';
import { errors } from '../errors.js';
import type { Store } from '../store.js';

/** What a client sends to record a deployment. */
export interface DeploymentRequest {
  participant: string;
  version: string;
  environment: string;
  produces: Array<{ subject: string; version: number | 'latest' }>;
  consumes: string[];
}

export interface Deployments {
  record(request: DeploymentRequest): Promise<Deployment>;
  undeploy(id: string): Promise<Deployment>;
  get(id: string): Promise<Deployment>;
  list(filter: DeploymentFilter): Promise<Deployment[]>;
}

export function createDeployments(store: Store, now: () => number = Date.now): Deployments {
  const deploymentStore = (): DeploymentStore => {
    if (!isDeploymentStore(store)) throw errors.notFound('This registry does not keep deployments');
    return store;
  };
  const notFound = (id: string) => errors.notFound(`Deployment ${id} not found`);
  return {
    async record(request) {
      const target = deploymentStore();
      const produces = await producedVersions(store, request.produces);
      const consumes = [...new Set(request.consumes)].sort();
      for (const subject of consumes) await assertSubjectExists(store, subject);
      const [current] = await target.deployments({ participant: request.participant, environment: request.environment });
      if (current?.version === request.version && sameContracts(current, produces, consumes)) return current;
      const deployment: Deployment = {
        id: randomUUID(),
        participant: request.participant,
        version: request.version,
        environment: request.environment,
        produces,
        consumes,
        deployedAt: now(),
      };
      await target.recordDeployment(deployment);
      return deployment;
    },
    async undeploy(id) {
      const undeployed = await deploymentStore().undeploy(id, now());
      if (!undeployed) throw notFound(id);
      return undeployed;
    },
    async get(id) {
      const found = await deploymentStore().deploymentById(id);
      if (!found) throw notFound(id);
      return found;
    },
    list: (filter) => deploymentStore().deployments(filter),
  };
}

async function assertSubjectExists(store: Store, subject: string): Promise<void> {
  if ((await store.subjectVersions(subject)).length === 0) throw errors.subjectNotFound(subject);
}

/** Each produced version as a number, checked to exist (soft-deleted ones too: data written with them may be live). */
async function producedVersions(store: Store, requested: DeploymentRequest['produces']): Promise<ProducedVersion[]> {
  const resolved = new Map<string, ProducedVersion>();
  for (const { subject, version } of requested) {
    const known = await store.subjectVersions(subject);
    if (known.length === 0) throw errors.subjectNotFound(subject);
    const number = version === 'latest' ? known.filter((v) => !v.deleted).at(-1)?.version : version;
    if (number === undefined || !known.some((v) => v.version === number)) throw errors.versionNotFound(version);
    resolved.set(`${subject}\u0000${number}`, { subject, version: number });
  }
  return [...resolved.values()].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version));
}

function sameContracts(deployment: Deployment, produces: ProducedVersion[], consumes: string[]): boolean {
  return JSON.stringify([deployment.produces, deployment.consumes]) === JSON.stringify([produces, consumes]);
}

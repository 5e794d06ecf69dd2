/**
 * The persistence port of deployments: which version of which participant (a
 * service, by name) runs in which environment, and which contracts it writes
 * and reads there. What `creg record-deployment` records and `creg
 * can-i-deploy --to-environment` asks, modelled on the Pact Broker's deployed
 * versions (pact_broker `lib/pact_broker/deployments/deployed_version.rb`):
 * recording a version of a participant in an environment undeploys the
 * version recorded there before, so each participant has at most one current
 * deployment per environment, and the history is kept.
 */

/** A subject version a participant writes (as a producer). */
export interface ProducedVersion {
  subject: string;
  version: number;
}

export interface Deployment {
  /** Assigned by the registry when the deployment is recorded (a UUID). */
  id: string;
  participant: string;
  version: string;
  environment: string;
  /** The subject versions this participant version writes, ordered by subject then version. */
  produces: ProducedVersion[];
  /** The subjects it reads, ordered. */
  consumes: string[];
  /** When the registry recorded it, epoch milliseconds. */
  deployedAt: number;
  /** When another version replaced it, or it was undeployed; absent while it is current. */
  undeployedAt?: number;
}

export interface DeploymentFilter {
  environment?: string;
  participant?: string;
  /** Also the deployments that were replaced or undeployed (the history). */
  includeUndeployed?: boolean;
}

export interface DeploymentStore {
  /**
   * Makes `deployment` the participant's current deployment in its
   * environment, setting `undeployedAt` of the current one (to the new
   * one's `deployedAt`) in the same transaction.
   */
  recordDeployment(deployment: Deployment): Promise<void>;
  /** Sets `undeployedAt` of a current deployment; answers it as it is now, or undefined when the id is unknown. */
  undeploy(id: string, at: number): Promise<Deployment | undefined>;
  deploymentById(id: string): Promise<Deployment | undefined>;
  /** Deployments matching every given criterion, newest first. */
  deployments(filter: DeploymentFilter): Promise<Deployment[]>;
}

export function isDeploymentStore(store: unknown): store is DeploymentStore {
  const candidate = store as Partial<DeploymentStore> | null | undefined;
  return (
    typeof candidate?.recordDeployment === 'function' &&
    typeof candidate.undeploy === 'function' &&
    typeof candidate.deploymentById === 'function' &&
    typeof candidate.deployments === 'function'
  );
}

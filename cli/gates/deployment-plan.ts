/**
 * What `creg can-i-deploy` asks about: a participant version about to be
 * deployed to an environment, the subject versions it will write, the
 * subjects it reads, what it verified, and who runs in that environment now.
 */
import type { Deployment, Verification } from '../../client/registry-client.js';
import type { PlannedVersion } from '../deployments/produced-versions.js';

export interface DeploymentPlan {
  participant: string;
  version: string;
  environment: string;
  produces: PlannedVersion[];
  consumes: string[];
  /** The runs this participant version published, of every subject, newest first. */
  verifications: Verification[];
  /** The current deployments in the environment, the participant's own left out (it is being replaced). */
  deployed: Deployment[];
}

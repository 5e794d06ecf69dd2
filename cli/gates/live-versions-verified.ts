/**
 * The consumer's gate: has this participant version verified every version
 * of the subjects it reads that producers deployed in the target environment
 * write (as their deployments record them)? Its own published runs come
 * with the plan. No producer deployed there passes, with a notice.
 */
import type { Gate } from './gate.js';
import type { DeploymentPlan } from './deployment-plan.js';
import { verificationResult } from './verification-verdicts.js';
import type { CheckResult } from '../output/findings.js';

const ID = 'live-versions-verified';

export const liveVersionsVerifiedGate: Gate<DeploymentPlan> = {
  id: ID,
  purpose: 'The participant verified every version of the subjects it reads that producers deployed in the environment write',
  async check(plan) {
    return plan.consumes.flatMap((subject): CheckResult[] => {
      const producers = plan.deployed.filter((d) => d.produces.some((p) => p.subject === subject));
      if (producers.length === 0) {
        const message = `no producer deployed in ${plan.environment} records writing ${subject}`;
        return [{ check: ID, subject, status: 'pass', summary: 'no producer deployed', findings: [{ severity: 'notice', rule: 'NO_PRODUCER', message }] }];
      }
      const runs = plan.verifications.filter((run) => run.subject === subject);
      return producers.map((producer) =>
        verificationResult(
          {
            check: ID,
            subject,
            name: `written by ${producer.participant} ${producer.version}`,
            details: { environment: plan.environment, producer: { participant: producer.participant, version: producer.version } },
          },
          plan,
          producer.produces.filter((p) => p.subject === subject),
          runs,
        ),
      );
    });
  },
};

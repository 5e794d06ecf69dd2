/**
 * The producer's gate: has every consumer of the subjects it writes that
 * runs in the target environment verified the versions it will write? A
 * deployed participant consumes a subject when its deployment says so
 * (`--consumes`) or when any of its versions published a verification of
 * the subject. No consumer deployed there passes, with a notice.
 */
import type { Gate } from './gate.js';
import type { DeploymentPlan } from './deployment-plan.js';
import { verificationResult } from './verification-verdicts.js';
import type { CheckResult } from '../output/findings.js';
import { describeFailure } from '../registry-options.js';

const ID = 'consumers-verified';

export const consumersVerifiedGate: Gate<DeploymentPlan> = {
  id: ID,
  purpose: 'Every consumer deployed in the environment verified the subject versions the participant writes',
  async check(plan, { client }) {
    const subjects = [...new Set(plan.produces.map((p) => p.subject))];
    const results = await Promise.all(
      subjects.map(async (subject): Promise<CheckResult[]> => {
        const runs = await client.verifications({ subject });
        if (runs.error) return [{ check: ID, subject, status: 'error', summary: describeFailure(runs.error), findings: [] }];
        const readers = new Set(runs.data.map((r) => r.consumer));
        const consumers = plan.deployed.filter((d) => d.consumes.includes(subject) || readers.has(d.participant));
        if (consumers.length === 0) {
          const message = `no consumer of ${subject} is deployed in ${plan.environment}`;
          return [{ check: ID, subject, status: 'pass', summary: 'no consumer deployed', findings: [{ severity: 'notice', rule: 'NO_CONSUMER', message }] }];
        }
        const planned = plan.produces.filter((p) => p.subject === subject);
        return consumers.map((consumer) =>
          verificationResult(
            { check: ID, subject, name: `read by ${consumer.participant} ${consumer.version}`, details: { environment: plan.environment } },
            consumer,
            planned,
            runs.data,
          ),
        );
      }),
    );
    return results.flat();
  },
};

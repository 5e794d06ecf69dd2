/**
 * `creg record-undeployment`: tell the registry that a participant no longer
 * runs in an environment (retired, or rolled back to nothing), so that
 * `creg can-i-deploy` stops counting it there. The record is kept. Exit 0
 * recorded, 1 nothing of the participant is deployed there, 3 registry
 * unreachable or error, 64 usage error.
 */
import { Command, Option } from 'commander';
import { exitOnUsageError, gatedAction } from '../command-exit.js';
import type { CheckResult } from '../output/findings.js';
import { exitCodeOf } from '../output/exit-codes.js';
import { addReportOptions, emitReport, type ReportOptions } from '../output/report-options.js';
import { addRegistryOptions, describeFailure, registryClient, type RegistryOptions } from '../registry-options.js';

const EXAMPLES = `
Examples:
  creg record-undeployment --participant billing-service --env production

Exit codes: 0 recorded, 1 not deployed there, 3 registry unreachable or error, 64 usage error.
`;

type Options = { participant: string; env: string } & RegistryOptions & ReportOptions;

export function recordUndeploymentCommand(): Command {
  const command = new Command('record-undeployment')
    .description('Record that a participant no longer runs in an environment')
    .addOption(new Option('--participant <name>', 'the service, by name').makeOptionMandatory())
    .addOption(new Option('--env <environment>', 'the environment, e.g. production').makeOptionMandatory());
  addRegistryOptions(command);
  addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(
    gatedAction(command, async (options: Options) => {
      const client = registryClient(options);
      const base = { check: 'record-undeployment', subject: options.participant };
      const error = (summary: string): CheckResult => ({ ...base, status: 'error', summary, findings: [] });
      const current = await client.deployments({ participant: options.participant, environment: options.env });
      let results: CheckResult[];
      if (current.error) {
        results = [error(describeFailure(current.error))];
      } else if (current.data.length === 0) {
        results = [{ ...base, status: 'fail', summary: `not deployed to ${options.env}`, findings: [] }];
      } else {
        results = [];
        for (const deployment of current.data) {
          const undeployed = await client.recordUndeployment(deployment.id);
          results.push(
            undeployed.data
              ? { ...base, name: deployment.version, status: 'pass', summary: `undeployed from ${options.env}`, findings: [], details: undeployed.data }
              : error(describeFailure(undeployed.error)),
          );
        }
      }
      const report = { command: 'creg record-undeployment', results };
      await emitReport(report, options);
      return exitCodeOf(report);
    }),
  );
  return exitOnUsageError(command);
}

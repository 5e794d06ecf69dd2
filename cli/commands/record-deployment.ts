/**
 * `creg record-deployment`: tell the registry that a participant version now
 * runs in an environment, with the subject versions it writes and the
 * subjects it reads, so that `creg can-i-deploy` knows who is live there.
 * The version recorded there before is undeployed. Exit 0 recorded, 1
 * refused (a subject or version the registry does not hold, or a contract
 * file not registered yet), 3 registry unreachable or error, 64 usage error.
 */
import { Command, Option } from 'commander';
import type { RegistryClient } from '../../client/registry-client.js';
import { exitOnUsageError, gatedAction } from '../command-exit.js';
import type { LocalContract } from '../contract-files/local-contract.js';
import { readManifest } from '../contract-files/manifest.js';
import { addParticipantOptions, type ParticipantOptions } from '../deployments/participant-options.js';
import { producedVersions, type PlannedVersion } from '../deployments/produced-versions.js';
import type { CheckResult } from '../output/findings.js';
import { exitCodeOf } from '../output/exit-codes.js';
import { addReportOptions, emitReport, type ReportOptions } from '../output/report-options.js';
import { addRegistryOptions, describeFailure, registryClient, type RegistryOptions } from '../registry-options.js';

const EXAMPLES = `
Examples:
  creg record-deployment --participant customer-service --version 1.4.0 --env production --produces customer-value
  creg record-deployment --participant customer-service --version $GIT_SHA --env production contracts/
  creg record-deployment --participant order-service --version 2.1.0 --env production --consumes customer-value

Run it right after the deployment succeeded. Without :version, --produces records the latest version as it is now.
Exit codes: 0 recorded, 1 refused by the registry, 3 registry unreachable or error, 64 usage error.
`;

const ID = 'record-deployment';

type Options = ParticipantOptions & { env: string } & RegistryOptions & ReportOptions;

function notRegistered({ subject, file }: PlannedVersion): CheckResult {
  const message = `${file} is not registered under ${subject}: register it (creg contracts push) before recording the deployment`;
  return { check: ID, subject, ...(file !== undefined && { file }), status: 'fail', summary: 'not registered', findings: [{ severity: 'error', rule: 'NOT_REGISTERED', message }] };
}

async function record(client: RegistryClient, contracts: LocalContract[], options: Options): Promise<CheckResult[]> {
  const produced = await producedVersions(client, options.produces, contracts);
  const unregistered = produced.versions.filter((v) => v.version === undefined).map(notRegistered);
  if (produced.problems.length > 0 || unregistered.length > 0) return [...produced.problems, ...unregistered];

  const recorded = await client.recordDeployment({
    participant: options.participant,
    version: options.version,
    environment: options.env,
    produces: produced.versions.map(({ subject, version }) => ({ subject, version: version! })),
    consumes: options.consumes,
  });
  const base = { check: ID, subject: options.participant, name: options.version };
  if (recorded.data) return [{ ...base, status: 'pass', summary: `recorded as deployed to ${options.env}`, findings: [], details: recorded.data }];
  // Refused is what the registry says of the deployment itself; a credential it will not take is an error (exit 3), as elsewhere.
  const { error } = recorded;
  const refused = error.kind === 'http' && error.status < 500 && error.status !== 401 && error.status !== 403;
  return [{ ...base, status: refused ? 'fail' : 'error', summary: describeFailure(error), findings: [] }];
}

export function recordDeploymentCommand(): Command {
  const command = new Command('record-deployment')
    .description('Record that a participant version now runs in an environment (the one recorded there before is undeployed)');
  addParticipantOptions(command);
  command.addOption(new Option('--env <environment>', 'the environment, e.g. production').makeOptionMandatory());
  addRegistryOptions(command);
  addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(
    gatedAction(command, async (dir: string | undefined, options: Options) => {
      const client = registryClient(options);
      const contracts = dir === undefined ? [] : await readManifest(dir);
      const results = await record(client, contracts, options);
      const report = { command: 'creg record-deployment', results };
      await emitReport(report, options);
      return exitCodeOf(report);
    }),
  );
  return exitOnUsageError(command);
}

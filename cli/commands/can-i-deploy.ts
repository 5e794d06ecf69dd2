/**
 * `creg can-i-deploy`: may this participant version be deployed to this
 * environment? As a producer (`--produces`, or a contracts folder): its
 * contracts are compatible with what is registered, and every consumer
 * deployed there verified the versions it will write. As a consumer
 * (`--consumes`, or what it published verifications of): it verified every
 * version that producers deployed there write. Who runs where is what
 * `creg record-deployment` recorded, as with the Pact Broker. Exit 0 yes,
 * 1 no (incompatible, or a verification failed), 2 undecided (a
 * verification is missing), 3 registry unreachable or error, 64 usage error.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { RegistryClient } from '../../client/registry-client.js';
import { exitOnUsageError, gatedAction } from '../command-exit.js';
import type { LocalContract } from '../contract-files/local-contract.js';
import { readManifest } from '../contract-files/manifest.js';
import { addParticipantOptions, type ParticipantOptions } from '../deployments/participant-options.js';
import { producedVersions } from '../deployments/produced-versions.js';
import { compatibilityGate } from '../gates/compatibility.js';
import { consumersVerifiedGate } from '../gates/consumers-verified.js';
import { gateTable } from '../gates/gate.js';
import { liveVersionsVerifiedGate } from '../gates/live-versions-verified.js';
import type { CheckResult, Report } from '../output/findings.js';
import { EXIT, exitCodeOf } from '../output/exit-codes.js';
import { addReportOptions, emitReport, type ReportOptions } from '../output/report-options.js';
import { addRegistryOptions, describeFailure, registryClient, type RegistryOptions } from '../registry-options.js';

const EXAMPLES = `
Examples:
  creg can-i-deploy contracts/ --participant customer-service --version $GIT_SHA --to-environment production
  creg can-i-deploy --participant customer-service --version 1.4.0 --produces customer-value:3 --to-environment production
  creg can-i-deploy --participant order-service --version 2.1.0 --consumes customer-value --to-environment production
  creg can-i-deploy contracts/ --participant customer-service --version $GIT_SHA --to-environment production \\
    --retry-while-unknown 10 --retry-interval 30 --format junit --output reports/can-i-deploy.xml

The first two ask for a producer (its contract files, or registered versions): compatible, and verified by every
consumer in production? The third for a consumer: has it verified every version the producers in production write?
The last waits up to 10 × 30 s for consumers' pipelines to publish their verifications.

Gates:
${gateTable([compatibilityGate, consumersVerifiedGate, liveVersionsVerifiedGate])}

A consumer is a participant deployed there that records --consumes for the subject, or that published a verification
of it (creg conform --publish). A participant reads the subjects given with --consumes and those it published
verifications of at this version. After deploying, run creg record-deployment.
Exit codes: 0 deployable, 1 not deployable, 2 undecided (a verification is missing), 3 registry unreachable, 64 usage error.
With --dry-run the report is the same and the exit code 0.
`;

type Options = ParticipantOptions &
  RegistryOptions &
  ReportOptions & { toEnvironment: string; dryRun?: boolean; retryWhileUnknown: number; retryInterval: number };

function count(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

async function evaluate(client: RegistryClient, contracts: LocalContract[], options: Options): Promise<Report> {
  const { participant, version, toEnvironment: environment } = options;
  const context = { client };
  const [compatibility, produced, deployments, ownRuns] = await Promise.all([
    Promise.all(contracts.map((contract) => compatibilityGate.check(contract, context))),
    producedVersions(client, options.produces, contracts),
    client.deployments({ environment, includeUndeployed: true }),
    client.verifications({ consumer: participant, consumerVersion: version }),
  ]);
  const results: CheckResult[] = [...compatibility.flat(), ...produced.problems];
  const base = { check: 'environment', subject: environment };
  if (deployments.error || ownRuns.error) {
    const summary = describeFailure((deployments.error ?? ownRuns.error)!);
    return { command: 'creg can-i-deploy', results: [...results, { ...base, status: 'error', summary, findings: [] }] };
  }

  if (deployments.data.length === 0) {
    const message = `no deployment was ever recorded in ${environment}: check its name; for the first deployment there, use --dry-run, then creg record-deployment`;
    results.push({ ...base, status: 'unknown', summary: 'unknown environment', findings: [{ severity: 'warning', rule: 'UNKNOWN_ENVIRONMENT', message }] });
  }
  const plan = {
    participant,
    version,
    environment,
    produces: produced.versions,
    consumes: [...new Set([...options.consumes, ...ownRuns.data.map((run) => run.subject)])].sort(),
    verifications: ownRuns.data,
    deployed: deployments.data.filter((d) => d.undeployedAt === undefined && d.participant !== participant),
  };
  if (plan.produces.length === 0 && plan.consumes.length === 0 && produced.problems.length === 0) {
    const message = `nothing says what ${participant} ${version} writes or reads: give --produces, --consumes or a contracts folder, or publish its verifications (creg conform --publish)`;
    results.push({ check: 'participant', subject: participant, status: 'unknown', summary: 'no contracts', findings: [{ severity: 'warning', rule: 'NO_CONTRACTS', message }] });
  }
  const gated = await Promise.all([consumersVerifiedGate.check(plan, context), liveVersionsVerifiedGate.check(plan, context)]);
  return { command: 'creg can-i-deploy', results: [...results, ...gated.flat()] };
}

export function canIDeployCommand(): Command {
  const command = new Command('can-i-deploy')
    .description('Say whether a participant version may be deployed to an environment, and why not');
  addParticipantOptions(command);
  command
    .addOption(new Option('--to-environment <environment>', 'where it is to be deployed, e.g. production').makeOptionMandatory())
    .option('--dry-run', 'report as usual, but exit 0 (break glass)')
    .addOption(new Option('--retry-while-unknown <times>', 'while undecided, ask again up to this many times').argParser(count).default(0))
    .addOption(new Option('--retry-interval <seconds>', 'seconds between those tries').argParser(count).default(10));
  addRegistryOptions(command);
  addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(
    gatedAction(command, async (dir: string | undefined, options: Options) => {
      const client = registryClient(options);
      const contracts = dir === undefined ? [] : await readManifest(dir);
      let report = await evaluate(client, contracts, options);
      for (let attempt = 1; attempt <= options.retryWhileUnknown && exitCodeOf(report) === EXIT.unknown; attempt += 1) {
        process.stderr.write(`creg can-i-deploy: undecided; asking again in ${options.retryInterval} s (${attempt} of ${options.retryWhileUnknown})\n`);
        await sleep(options.retryInterval * 1000);
        report = await evaluate(client, contracts, options);
      }
      await emitReport(report, options);
      const code = exitCodeOf(report);
      if (options.dryRun && code !== EXIT.ok) {
        process.stderr.write(`creg can-i-deploy: dry run: the exit code would have been ${code}\n`);
        return EXIT.ok;
      }
      return code;
    }),
  );
  return exitOnUsageError(command);
}

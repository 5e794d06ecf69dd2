/**
 * `creg check`: would the registry accept these contracts, each under its
 * subject's configured compatibility level? One schema file (`--subject`,
 * `--schema`) or a folder with a `contracts.json` manifest. Nothing is
 * registered. Exit 0 compatible, 1 incompatible, 2 undecided, 3 registry
 * unreachable or error, 64 usage error.
 */
import { Command } from 'commander';
import { exitOnUsageError, gatedAction, UsageError } from '../command-exit.js';
import { addContractOptions, contractFromOptions, type ContractOptions } from '../contract-files/contract-options.js';
import { readManifest } from '../contract-files/manifest.js';
import { compatibilityGate } from '../gates/compatibility.js';
import { gateTable } from '../gates/gate.js';
import { exitCodeOf } from '../output/exit-codes.js';
import { addReportOptions, emitReport, type ReportOptions } from '../output/report-options.js';
import { addRegistryOptions, registryClient, type RegistryOptions } from '../registry-options.js';

const EXAMPLES = `
Examples:
  creg check contracts/ --registry http://localhost:8081
  creg check --subject customer-value --schema contracts/customer.avsc
  creg check contracts/ --format github                                  # annotations on the pull request
  creg check contracts/ --format junit --output reports/creg-check.xml   # test report, plus the text log

Gates:
${gateTable([compatibilityGate])}

A subject with no version yet passes, with a notice.
Exit codes: 0 compatible, 1 incompatible, 2 undecided, 3 registry unreachable or error, 64 usage error.
`;

export function checkCommand(): Command {
  const command = new Command('check')
    .description("Check contracts against what is registered, at each subject's configured compatibility level")
    .argument('[dir]', 'folder holding contracts.json (or give --subject and --schema)');
  addContractOptions(command);
  addRegistryOptions(command);
  addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(
    gatedAction(command, async (dir: string | undefined, options: ContractOptions & RegistryOptions & ReportOptions) => {
      if ((dir === undefined) === (options.schema === undefined)) throw new UsageError('give a folder, or --subject and --schema');
      const single = options.subject ?? options.type ?? options.reference[0] ?? Object.keys(options.metadata)[0];
      if (dir !== undefined && single !== undefined) {
        throw new UsageError('--subject, --type, --reference and --metadata describe one schema file: use them with --schema');
      }
      const contracts = dir !== undefined ? await readManifest(dir) : [await contractFromOptions(options)];
      const context = { client: registryClient(options) };
      // Independent checks, run together so that a slow registry costs one timeout, not one per contract.
      const results = (await Promise.all(contracts.map((contract) => compatibilityGate.check(contract, context)))).flat();
      const report = { command: 'creg check', results };
      await emitReport(report, options);
      return exitCodeOf(report);
    }),
  );
  return exitOnUsageError(command);
}

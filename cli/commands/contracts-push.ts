/**
 * `creg contracts push DIR`: publish the folder's contracts, as its
 * `contracts.json` manifest lists them (see `contract-files/manifest.ts`),
 * each after the contracts it references, so a reference always names the
 * version just published. Idempotent: pushing an unchanged folder again
 * registers nothing new. A contract whose dependency was not published is
 * not attempted (reported undecided); once the registry is unreachable,
 * nothing more is tried.
 */
import { Command } from 'commander';
import { exitOnUsageError, gatedAction } from '../command-exit.js';
import { readManifest } from '../contract-files/manifest.js';
import { publishOrder } from '../contract-files/publish-order.js';
import { exitCodeOf } from '../output/exit-codes.js';
import type { CheckResult } from '../output/findings.js';
import { addReportOptions, emitReport, type ReportOptions } from '../output/report-options.js';
import { publishContract } from '../publish.js';
import { addRegistryOptions, registryClient, type RegistryOptions } from '../registry-options.js';

const EXAMPLES = `
Examples:
  creg contracts push contracts/ --registry http://localhost:8081
  creg contracts push contracts/ --format junit --output reports/creg-push.xml

The folder holds contracts.json:
  { "contracts": [
      { "subject": "address-value", "file": "address.avsc" },
      { "subject": "customer-value", "file": "customer.avsc",
        "references": [{ "name": "com.example.Address", "subject": "address-value" }],
        "metadata": { "properties": { "ecst.key": "customer_id" } } } ] }

Exit codes: 0 all published, 1 one refused, 2 one not attempted, 3 registry unreachable or error, 64 usage error.
`;

export function contractsPushCommand(): Command {
  const command = new Command('push')
    .description('Publish a folder of contracts described by its contracts.json, references first')
    .argument('<dir>', 'folder holding contracts.json');
  addRegistryOptions(command);
  addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(
    gatedAction(command, async (dir: string, options: RegistryOptions & ReportOptions) => {
      const contracts = publishOrder(await readManifest(dir));
      const client = registryClient(options);
      const published = new Map<string, number>();
      const results: CheckResult[] = [];
      let unreachable = false;
      for (const contract of contracts) {
        const base = { check: 'register', subject: contract.subject, file: contract.file, findings: [] };
        const blockedBy = contract.references.find(
          (r) => r.local && r.version === undefined && !published.has(r.subject),
        );
        if (unreachable) {
          results.push({ ...base, status: 'error', summary: 'not attempted: the registry is unreachable' });
        } else if (blockedBy) {
          results.push({ ...base, status: 'unknown', summary: `not attempted: it references ${blockedBy.subject}, which was not published` });
        } else {
          const outcome = await publishContract(client, contract, published);
          results.push(outcome.result);
          if (outcome.version !== undefined) published.set(contract.subject, outcome.version);
          unreachable = outcome.unreachable === true;
        }
      }
      const report = { command: 'creg contracts push', results };
      await emitReport(report, options);
      return exitCodeOf(report);
    }),
  );
  return exitOnUsageError(command);
}

/** `creg contracts`: commands on a folder of contracts. */
export function contractsCommand(): Command {
  return exitOnUsageError(
    new Command('contracts').description('Commands on a folder of contracts (contracts.json)').addCommand(contractsPushCommand()),
  );
}

/**
 * `creg register`: publish one schema file under a subject, with its
 * references and metadata properties. Registering is idempotent: a schema
 * already registered answers its existing version. Exit 0 registered, 1
 * refused (incompatible or invalid, with the reasons), 3 registry error, 64
 * usage error.
 */
import { Command } from 'commander';
import { exitOnUsageError, gatedAction } from '../command-exit.js';
import { addContractOptions, contractFromOptions, type ContractOptions } from '../contract-files/contract-options.js';
import { exitCodeOf } from '../output/exit-codes.js';
import { addReportOptions, emitReport, type ReportOptions } from '../output/report-options.js';
import { publishContract } from '../publish.js';
import { addRegistryOptions, registryClient, type RegistryOptions } from '../registry-options.js';

const EXAMPLES = `
Examples:
  creg register --registry http://localhost:8081 --subject customer-value --schema contracts/customer.avsc
  creg register --subject customer-value --schema customer.avsc \\
    --reference com.example.Address=address-value:3 \\
    --metadata ecst.key=customer_id --metadata ecst.sequence=header:ecst-sequence
  CREG_REGISTRY_URL=https://registry.example.com CREG_REGISTRY_TOKEN=… creg register --subject order-value --schema order.proto

Exit codes: 0 registered, 1 refused by the registry (incompatible or invalid), 3 registry unreachable or error, 64 usage error.
`;

export function registerCommand(): Command {
  const command = new Command('register').description('Register a schema file under a subject (idempotent)');
  addContractOptions(command);
  addRegistryOptions(command);
  addReportOptions(command);
  command.addHelpText('after', EXAMPLES);
  command.action(
    gatedAction(command, async (options: ContractOptions & RegistryOptions & ReportOptions) => {
      const contract = await contractFromOptions(options);
      const { result } = await publishContract(registryClient(options), contract);
      const report = { command: 'creg register', results: [result] };
      await emitReport(report, options);
      return exitCodeOf(report);
    }),
  );
  return exitOnUsageError(command);
}

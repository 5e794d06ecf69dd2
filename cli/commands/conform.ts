/**
 * `creg conform`: prove that a replica handles every version of a contract
 * and every tombstone. The contract comes from a registry (`--registry`,
 * `--subject`) or from local files (`--contracts DIR`); the replica is a
 * module (`--replica`) or an HTTP endpoint (`--replica-url`); the report is a
 * matrix of scenarios by versions (text), JSON or JUnit XML; `--publish`
 * records the verdict in the registry for deploy gates. For the length of the
 * run a registry of its own is served (`../run-registry.ts`; module replicas
 * always, HTTP ones with `--serve-registry PORT`), so that replicas using an
 * unchanged Confluent client resolve every writer. Exit 0 all passed,
 * 1 a scenario failed, 3 registry, files or replica unusable, 64 usage error.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import {
  contractFromFiles,
  contractFromRegistry,
  httpAttachment,
  moduleAttachment,
  renderReport,
  REPORT_FORMATS,
  runConformance,
  SCENARIOS,
  ToolError,
  type ServeRunRegistry,
  verificationBody,
} from '../../conformance/index.js';
import { exitOnUsageError, gatedAction } from '../command-exit.js';
import { EXIT, type ExitCode } from '../output/exit-codes.js';
import { PACKAGE } from '../package-info.js';
import { describeFailure } from '../registry-options.js';
import { conformPlan, type ConformOptions } from './conform-plan.js';
import { registryReader } from './conform-registry.js';
import type { RunRegistryOptions } from '../run-registry.js';


const EXAMPLES = `
Examples:
  creg conform --registry http://localhost:8081 --subject customer-value --replica ./test/customer-replica.ts
  creg conform --contracts contracts/customer-value --replica ./dist/replica.js --seed 42
  creg conform --subject customer-value --replica-url http://localhost:3000/conformance --format junit --output reports/conform.xml
  creg conform --subject customer-value --replica ./replica.ts --publish --consumer order-service --consumer-version "$GIT_SHA"
  creg conform --subject customer-value --replica-url http://localhost:3000/conformance --serve-registry 18081
  creg conform --list

A module exports createReplica(context) returning { apply(message), get(key), close?(), fields?, readerVersion? }.
Over HTTP: POST URL/messages {"key", "value": base64 | null, "headers"}; GET URL/entities/{key} (404 = absent);
optional GET URL/replica {"fields", "readerVersion"}.
The run registry (context.registryUrl; with --serve-registry, http://127.0.0.1:PORT) serves the contract's versions
under their ids, the future-schema writers under scratch ids, and every other read from --registry (read-only).
Exit codes: 0 every scenario passed, 1 one failed, 3 registry, contract files or replica unusable, 64 usage error.
`;

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function conformCommand(): Command {
  const command = new Command('conform')
    .description('Check that a replica handles every version of a contract and every tombstone')
    .option('--subject <subject>', 'the contract: a subject of the registry')
    .addOption(new Option('--registry <url>', 'registry base URL').env('CREG_REGISTRY_URL'))
    .addOption(new Option('--username <name>', 'HTTP basic user').env('CREG_REGISTRY_USERNAME'))
    .addOption(new Option('--password <password>', 'HTTP basic password').env('CREG_REGISTRY_PASSWORD'))
    .addOption(new Option('--token <token>', 'bearer token').env('CREG_REGISTRY_TOKEN'))
    .option('--contracts <dir>', 'the contract from local files instead: v1.avsc (or .proto, .json), v2…, and an optional contract.json')
    .option('--replica <module>', 'the replica: a module exporting createReplica (TypeScript or JavaScript)')
    .option('--replica-url <url>', 'the replica: an HTTP endpoint speaking the protocol below')
    .option('--reader-version <n>', "the replica's reader version (default: what it declares, else the latest)")
    .option('--fields <names>', 'the fields the replica keeps (default: what it declares, else all)')
    .option('--versions <list>', 'check only these versions (comma-separated)')
    .option('--include-deleted', 'also check soft-deleted versions (data written with them may still be on the topic)')
    .option('--scenario <ids>', 'run only these scenarios (repeatable, comma-separated)', collect, [])
    .option('--skip <ids>', 'leave these scenarios out', collect, [])
    .option('--seed <n>', 'seed of the samples and histories (default: random, printed)')
    .option('--samples <n>', 'seeded samples per version in the readable scenario', '3')
    .option('--timeout <ms>', 'longest wait for one replica call', '10000')
    .addOption(new Option('--format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('--output <file>', 'write the report there (the text report still goes to stdout)')
    .option('--no-color', 'no ANSI colours (also NO_COLOR, or when stdout is not a terminal)')
    .option('--list', 'list the scenarios and exit')
    .option('--publish', 'record the verification in the registry')
    .option('--consumer <name>', 'with --publish: the consumer whose replica this is')
    .option('--consumer-version <version>', "with --publish: the consumer's version (e.g. a commit)")
    .option(
      '--serve-registry <port>',
      'serve the run registry on this port (and print its URL), so that an HTTP replica started against it runs future-schema too; module replicas always get one',
    )
    .addHelpText('after', EXAMPLES);
  command.action(gatedAction(command, (options: ConformOptions) => conform(options)));
  return exitOnUsageError(command);
}

async function conform(options: ConformOptions): Promise<ExitCode> {
  if (options.list) {
    const width = Math.max(...SCENARIOS.map((s) => s.id.length)) + 2;
    for (const s of SCENARIOS) process.stdout.write(`${s.id.padEnd(width)}${s.checklist.join(' ').padEnd(16)}${s.purpose}\n`);
    return EXIT.ok;
  }
  const plan = conformPlan(options);
  try {
    const contract = plan.client
      ? await contractFromRegistry(registryReader(plan.client), options.subject!, {
          includeDeleted: options.includeDeleted === true,
          ...(plan.versions && { versions: plan.versions }),
        })
      : await contractFromFiles(options.contracts!, { ...(plan.versions && { versions: plan.versions }) });
    if (options.subject !== undefined && contract.subject !== options.subject && !plan.client) contract.subject = options.subject;
    const report = await runConformance({
      contract,
      ...(plan.runRegistry && { registry: lazyRunRegistry(plan.runRegistry) }),
      attach: async (directory) => {
        const context = directory.context();
        if (plan.runRegistry?.port !== undefined) process.stderr.write(`Run registry at ${context.registryUrl}\n`);
        return options.replica !== undefined
          ? moduleAttachment(options.replica, context, { timeoutMs: plan.timeoutMs })
          : httpAttachment(options.replicaUrl!, { timeoutMs: plan.timeoutMs, resolvesScratchSchemas: directory.servesRegistry });
      },
      seed: plan.seed,
      scenarios: plan.scenarios,
      ...(plan.readerVersion !== undefined && { readerVersion: plan.readerVersion }),
      ...(plan.fields !== undefined && { fields: plan.fields }),
      samples: plan.samples,
      tool: `creg ${PACKAGE.version}`,
    });
    const color = options.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
    if (options.output !== undefined) {
      await mkdir(dirname(options.output), { recursive: true });
      await writeFile(options.output, renderReport(report, options.format));
      process.stdout.write(renderReport(report, 'text', { color }));
    } else {
      process.stdout.write(renderReport(report, options.format, { color }));
    }
    if (plan.publish) {
      const { data, error } = await plan.client!.recordVerification(verificationBody(report, plan.publish.consumer, plan.publish.consumerVersion));
      if (error) throw new ToolError(`The verification was not published: ${describeFailure(error)}`);
      process.stderr.write(`Published verification ${data.id} (${data.success ? 'passed' : 'failed'}) to ${plan.client!.baseUrl}\n`);
    }
    return report.summary.success ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    process.stderr.write(`creg conform: ${error.message}\n`);
    return EXIT.error;
  }
}

/** The run registry, loaded on first use: it pulls in Express and Prisma, which the other commands do not need. */
function lazyRunRegistry(options: RunRegistryOptions): ServeRunRegistry {
  return async (request) => (await import('../run-registry.js')).startRunRegistry(request, options);
}

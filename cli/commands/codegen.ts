/**
 * `creg codegen`: TypeScript types and serializers for contracts, from the
 * registry (`--registry`, default `CREG_REGISTRY_URL`, `--subject`) or from
 * contract files (`--schema`), or as `creg.config.json` lists them; written
 * to `--out`. `--check` writes nothing and exits 1 when the files on disk
 * differ from what would be generated, listing them. Exit codes as the
 * other commands' (`output/exit-codes.ts`): 0 done or fresh, 1 stale, 3
 * registry or system error, 64 usage error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { exitOnUsageError, UsageError } from '../command-exit.js';
import { EXIT, type ExitCode } from '../output/exit-codes.js';
// The generator pulls in the TypeScript compiler (about a second to load), so it is
// imported when the command runs, not whenever `creg` starts.
import type { OutputDifferences } from '../../codegen/index.js';
import { DEFAULT_CONFIG_FILE, readConfig, type CodegenConfig, type SubjectEntry } from '../../codegen/config.js';
import { parseSchemaType, subjectOfFile } from '../../codegen/sources/contract-files.js';
import { registryAuth } from '../registry-options.js';
import type { SchemaType } from '../../contracts/schema.js';

interface CodegenOptions {
  registry?: string;
  subject?: string[];
  schema?: string[];
  type?: string;
  out?: string;
  config?: string;
  check?: boolean;
  username?: string;
  password?: string;
  token?: string;
}

const EXAMPLES = `
Examples:
  # every version of two subjects, from a registry
  creg codegen --registry http://localhost:8081 --subject customer-value --subject order-value --out src/contracts

  # contract files in the repository (the subject is the file name, or SUBJECT=FILE)
  creg codegen --schema contracts/customer-value.avsc --schema order-value=contracts/order.proto --out src/contracts

  # what creg.config.json lists (registry, subjects, out)
  creg codegen

  # in CI: fail when the committed code is stale
  creg codegen --check

Exit codes: 0 generated (or, with --check, up to date), 1 stale (--check), 3 registry or system error, 64 usage error.
`;

export function codegenCommand(): Command {
  const command = new Command('codegen')
    .description('Generate TypeScript types and serializers for contracts, from the registry or from contract files')
    .addOption(new Option('--registry <url>', 'registry to read subjects from (and to look contract files up in)').env('CREG_REGISTRY_URL'))
    .addOption(new Option('-s, --subject <subject>', 'a subject to generate, every version (repeatable)').argParser(collect))
    .addOption(new Option('--schema <[subject=]file>', 'a contract file (.avsc, .json, .proto); repeat a subject for its versions, oldest first').argParser(collect))
    .addOption(new Option('--type <type>', 'schema type of --schema files whose extension does not tell (avro, json, protobuf)'))
    .addOption(new Option('-o, --out <dir>', 'folder to write the generated modules to'))
    .addOption(new Option('-c, --config <file>', `configuration file (default: ${DEFAULT_CONFIG_FILE} when present)`))
    .addOption(new Option('--check', 'write nothing; exit 1 when the files in --out differ from what would be generated'))
    .addOption(new Option('--username <name>', 'HTTP basic user for the registry').env('CREG_REGISTRY_USERNAME'))
    .addOption(new Option('--password <password>', 'HTTP basic password').env('CREG_REGISTRY_PASSWORD'))
    .addOption(new Option('--token <token>', 'bearer token for the registry').env('CREG_REGISTRY_TOKEN'))
    .addHelpText('after', EXAMPLES);
  command.action(async (options: CodegenOptions) => {
    try {
      process.exitCode = await runCodegen(options);
    } catch (error) {
      if (error instanceof UsageError) command.error(`error: ${error.message}`, { exitCode: EXIT.usage, code: 'creg.usage' });
      process.stderr.write(`creg codegen: ${(error as Error).message}\n`);
      process.exitCode = EXIT.error;
    }
  });
  return exitOnUsageError(command);
}

async function runCodegen(options: CodegenOptions): Promise<ExitCode> {
  const config = loadConfig(options.config);
  const registry = options.registry ?? config?.registry;
  const out = options.out === undefined ? config?.out : resolve(options.out);
  const subjects = options.subject ?? [];
  const schemas = options.schema ?? [];
  const entries = subjects.length + schemas.length > 0 ? cliEntries(subjects, schemas, options.type) : (config?.subjects ?? []);
  if (entries.length === 0) {
    throw new UsageError(`nothing to generate: give --subject or --schema, or list subjects in ${DEFAULT_CONFIG_FILE} (see --help)`);
  }
  if (out === undefined) throw new UsageError(`no output folder: give --out, or "out" in ${DEFAULT_CONFIG_FILE}`);
  if (registry !== undefined && !URL.canParse(registry)) throw new UsageError(`--registry is not a URL: ${registry}`);
  if (registry === undefined && entries.some((e) => e.files === undefined)) {
    throw new UsageError('subjects are read from a registry, and none is given: --registry, CREG_REGISTRY_URL, or "registry" in the configuration');
  }

  const { compareOutput, generate, isFresh, readContracts, writeOutput } = await import('../../codegen/index.js');
  const { files, warnings } = generate(await readContracts(entries, registry, registryAuth(options)));
  for (const warning of warnings) console.error(`warning: ${warning}`);
  if (options.check) {
    const differences = compareOutput(out, files);
    if (isFresh(differences)) {
      console.log(`${out}: generated code is up to date (${files.length} files)`);
      return EXIT.ok;
    }
    console.log(`${out}: generated code is stale; run creg codegen to regenerate`);
    report(differences);
    return EXIT.failed;
  }
  const written = writeOutput(out, files);
  const touched = written.changed.length + written.missing.length + written.stale.length;
  console.log(`${out}: ${touched === 0 ? 'already up to date' : 'updated'} (${files.length} files)`);
  report(written);
  return EXIT.ok;
}

function report(differences: OutputDifferences): void {
  for (const path of differences.changed) console.log(`  changed  ${path}`);
  for (const path of differences.missing) console.log(`  missing  ${path}`);
  for (const path of differences.stale) console.log(`  stale    ${path} (no longer generated)`);
}

function loadConfig(path: string | undefined): CodegenConfig | undefined {
  if (path !== undefined) {
    if (!existsSync(path)) throw new UsageError(`no configuration file ${path}`);
    return readConfig(path);
  }
  return existsSync(DEFAULT_CONFIG_FILE) ? readConfig(DEFAULT_CONFIG_FILE) : undefined;
}

/** `--subject` entries, then `--schema` files grouped by subject in the order given. */
function cliEntries(subjects: string[], schemas: string[], typeName: string | undefined): SubjectEntry[] {
  let type: SchemaType | undefined;
  try {
    type = typeName === undefined ? undefined : parseSchemaType(typeName);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const files = new Map<string, string[]>();
  for (const argument of schemas) {
    const named = /^([^=/\\]+)=(.+)$/.exec(argument);
    const [subject, file] = named === null ? [subjectOfFile(argument), argument] : [named[1]!, named[2]!];
    files.set(subject, [...(files.get(subject) ?? []), resolve(file)]);
  }
  return [
    ...subjects.map((subject) => ({ subject })),
    ...[...files].map(([subject, paths]) => ({ subject, files: paths, ...(type === undefined ? {} : { type }) })),
  ];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

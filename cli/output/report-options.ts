/**
 * `--format` and `--output`, shared by the commands that report findings.
 * With `--output FILE` the chosen format goes to the file and the text
 * rendering to stdout, so one run gives CI both a log and, say, JUnit XML.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Option, type Command } from 'commander';
import type { Report } from './findings.js';
import { OUTPUT_FORMATS, RENDERERS, type OutputFormat } from './index.js';

export interface ReportOptions {
  format: OutputFormat;
  output?: string;
}

export function addReportOptions<C extends Command>(command: C): C {
  command
    .addOption(new Option('--format <format>', 'report format').choices(OUTPUT_FORMATS).default('text'))
    .addOption(new Option('--output <file>', 'write the report there (the text report still goes to stdout)'));
  return command;
}

export async function emitReport(report: Report, options: ReportOptions): Promise<void> {
  if (options.output !== undefined) {
    await mkdir(dirname(options.output), { recursive: true });
    await writeFile(options.output, RENDERERS[options.format](report));
    process.stdout.write(RENDERERS.text(report));
  } else {
    process.stdout.write(RENDERERS[options.format](report));
  }
}

#!/usr/bin/env node
/**
 * `creg`: the Contract Registry command line.
 */
import { Command } from 'commander';
import { serveCommand } from './commands/serve.js';
import { PACKAGE } from './package-info.js';

const program = new Command('creg')
  .description('Contract Registry: event contracts with Confluent-compatible compatibility rules')
  .version(PACKAGE.version)
  .addCommand(serveCommand());

await program.parseAsync(process.argv);

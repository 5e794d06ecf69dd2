#!/usr/bin/env node
/**
 * `creg`: the Contract Registry command line.
 */
import { Command } from 'commander';
import { exitOnUsageError } from './command-exit.js';
import { authCommand } from './commands/auth.js';
import { canIDeployCommand } from './commands/can-i-deploy.js';
import { checkCommand } from './commands/check.js';
import { codegenCommand } from './commands/codegen.js';
import { conformCommand } from './commands/conform.js';
import { configCommand, modeCommand } from './commands/config-mode.js';
import { contractsCommand } from './commands/contracts-push.js';
import { diffCommand } from './commands/diff.js';
import { deleteCommand } from './commands/delete.js';
import { getCommand, referencesCommand } from './commands/get.js';
import { recordDeploymentCommand } from './commands/record-deployment.js';
import { recordUndeploymentCommand } from './commands/record-undeployment.js';
import { registerCommand } from './commands/register.js';
import { serveCommand } from './commands/serve.js';
import { subjectsCommand, versionsCommand } from './commands/subjects.js';
import { PACKAGE } from './package-info.js';

const program = exitOnUsageError(new Command('creg'))
  .description('Contract Registry: event contracts with Confluent-compatible compatibility rules')
  .version(PACKAGE.version)
  // `--version` after a command is that command's (the participant version of can-i-deploy), not creg's.
  .enablePositionalOptions()
  .addCommand(serveCommand())
  .addCommand(registerCommand())
  .addCommand(contractsCommand())
  .addCommand(checkCommand())
  .addCommand(canIDeployCommand())
  .addCommand(recordDeploymentCommand())
  .addCommand(recordUndeploymentCommand())
  .addCommand(conformCommand())
  .addCommand(codegenCommand())
  // The registry client, for what one would otherwise ask with curl.
  .addCommand(subjectsCommand())
  .addCommand(versionsCommand())
  .addCommand(getCommand())
  .addCommand(referencesCommand())
  .addCommand(configCommand())
  .addCommand(modeCommand())
  .addCommand(deleteCommand())
  .addCommand(diffCommand())
  .addCommand(authCommand());

await program.parseAsync(process.argv);

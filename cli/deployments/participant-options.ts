/**
 * The options that say who is deployed and what it writes and reads, shared
 * by `creg record-deployment` and `creg can-i-deploy` (Pact Broker's
 * `--pacticipant` and `--version`): `--participant`, `--version`,
 * `--produces subject[:version]` and `--consumes subject` (repeatable), and
 * a contracts folder whose subjects the participant writes.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';

export interface ProducesOption {
  subject: string;
  version: number | 'latest';
}

export interface ParticipantOptions {
  participant: string;
  version: string;
  produces: ProducesOption[];
  consumes: string[];
}

const PRODUCES = /^(.+?)(?::(\d+|latest))?$/;

/** `subject`, `subject:latest` or `subject:3`. */
export function parseProduces(value: string, previous: ProducesOption[] = []): ProducesOption[] {
  const [, subject, version] = PRODUCES.exec(value.trim()) ?? [];
  if (subject === undefined) throw new InvalidArgumentError('expected subject[:version], e.g. customer-value:3');
  const number = version === undefined || version === 'latest' ? 'latest' : Number(version);
  if (number === 0) throw new InvalidArgumentError('versions start at 1');
  return [...previous, { subject, version: number }];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The options, and the `[dir]` argument: a folder whose contracts the participant writes. */
export function addParticipantOptions<C extends Command>(command: C): C {
  command
    .argument('[dir]', 'folder holding contracts.json: the contracts the participant writes')
    .addOption(new Option('--participant <name>', 'the service, by name, e.g. order-service').makeOptionMandatory())
    .addOption(new Option('--version <version>', 'its version, e.g. a git commit or a release number').makeOptionMandatory())
    .addOption(
      new Option('--produces <subject[:version]>', 'a subject version it writes; repeatable; without :version, the latest')
        .argParser(parseProduces)
        .default([], 'none'),
    )
    .addOption(new Option('--consumes <subject>', 'a subject it reads; repeatable').argParser(collect).default([], 'none'));
  return command;
}

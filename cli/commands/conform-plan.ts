/**
 * `creg conform`'s options, checked and read before anything runs: every
 * mistake (a missing or doubled replica, no contract, an unknown scenario,
 * `--publish` without a consumer or without a registry) is a `UsageError`
 * (exit 64), so that a typo is never mistaken for a failing replica.
 */
import { SCENARIOS, type ReportFormat } from '../../conformance/index.js';
import { parseSeed, randomSeed } from '../../conformance/samples/prng.js';
import { UsageError } from '../command-exit.js';
import { registryAuth, registryClient } from '../registry-options.js';

export interface ConformOptions {
  subject?: string;
  registry?: string;
  username?: string;
  password?: string;
  token?: string;
  contracts?: string;
  replica?: string;
  replicaUrl?: string;
  readerVersion?: string;
  fields?: string;
  versions?: string;
  includeDeleted?: boolean;
  scenario: string[];
  skip: string[];
  seed?: string;
  samples: string;
  timeout: string;
  format: ReportFormat;
  output?: string;
  color: boolean;
  list?: boolean;
  publish?: boolean;
  consumer?: string;
  consumerVersion?: string;
  serveRegistry?: string;
}

/** What the command runs: the registry client (when it needs one), the scenarios, the seed, the overrides. */
export function conformPlan(options: ConformOptions) {
  if (options.registry?.trim() === '') options.registry = undefined;
  if ((options.replica === undefined) === (options.replicaUrl === undefined)) throw new UsageError('give --replica or --replica-url');
  if (options.replicaUrl !== undefined && !URL.canParse(options.replicaUrl)) throw new UsageError(`--replica-url is not a URL`);
  if (options.contracts === undefined && options.subject === undefined) throw new UsageError('give --subject (with --registry) or --contracts');
  if (options.contracts === undefined && options.registry === undefined) {
    throw new UsageError('--subject needs --registry (or CREG_REGISTRY_URL)');
  }
  if (options.contracts !== undefined && options.includeDeleted) throw new UsageError('--include-deleted applies to a registry');
  if (options.publish) {
    if (options.contracts !== undefined) throw new UsageError('--publish records a verification of registered versions: use --registry and --subject');
    if (!options.consumer || !options.consumerVersion) throw new UsageError('--publish needs --consumer and --consumer-version');
  } else if (options.consumer !== undefined || options.consumerVersion !== undefined) {
    throw new UsageError('--consumer and --consumer-version go with --publish');
  }
  const client = options.contracts === undefined
    ? registryClient({ registry: options.registry!, username: options.username, password: options.password, token: options.token })
    : undefined;
  const known = new Set(SCENARIOS.map((s) => s.id));
  const unknown = [...options.scenario, ...options.skip].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`unknown scenario(s) ${unknown.join(', ')}; creg conform --list shows them`);
  const scenarios = SCENARIOS.filter(
    (s) => (options.scenario.length === 0 || options.scenario.includes(s.id)) && !options.skip.includes(s.id),
  );
  if (scenarios.length === 0) throw new UsageError('no scenario left to run');
  const servePort = options.serveRegistry === undefined ? undefined : port(options.serveRegistry, '--serve-registry');
  const seed = options.seed === undefined ? randomSeed() : parseSeed(options.seed);
  if (seed === undefined) throw new UsageError('--seed must be an integer from 0 to 4294967295');
  return {
    client,
    scenarios,
    seed,
    versions: options.versions === undefined ? undefined : options.versions.split(',').map((v) => positive(v, '--versions')),
    readerVersion: options.readerVersion === undefined ? undefined : positive(options.readerVersion, '--reader-version'),
    fields: options.fields?.split(',').map((f) => f.trim()).filter(Boolean),
    samples: positive(options.samples, '--samples'),
    timeoutMs: positive(options.timeout, '--timeout'),
    /** The run registry: always for module replicas (on a free port unless given), for HTTP ones with --serve-registry. */
    runRegistry:
      options.replica !== undefined || servePort !== undefined
        ? { ...(servePort !== undefined && { port: servePort }), ...(client && { auth: registryAuth(options) }) }
        : undefined,
    publish: options.publish ? { consumer: options.consumer!, consumerVersion: options.consumerVersion! } : undefined,
  };
}

function port(text: string, option: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) > 65535) throw new UsageError(`${option} takes a port number (0 for a free one), not ${JSON.stringify(text)}`);
  return Number(text);
}

function positive(text: string, option: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw new UsageError(`${option} takes positive integers, not ${JSON.stringify(text)}`);
  return Number(text);
}

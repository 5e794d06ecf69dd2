/**
 * What a participant writes, as registered subject versions: each
 * `--produces subject[:version]` checked against the registry (`latest`
 * resolved), and each contract of a folder looked up by its schema (the
 * version that holds it, or none while it is not registered). A subject or
 * version the registry does not hold is a failed result; an unreachable
 * registry an error.
 */
import type { RegistryClient, RegistryFailure } from '../../client/registry-client.js';
import type { LocalContract } from '../contract-files/local-contract.js';
import { registerRequest, resolveReferences } from '../contract-files/resolve-references.js';
import type { CheckResult } from '../output/findings.js';
import { describeFailure } from '../registry-options.js';
import type { ProducesOption } from './participant-options.js';

/** A subject version the participant will write; `version` is absent for a contract file not registered yet. */
export interface PlannedVersion {
  subject: string;
  version?: number;
  file?: string;
}

export interface ProducedVersions {
  versions: PlannedVersion[];
  /** A result for each `--produces` the registry refused or could not answer. */
  problems: CheckResult[];
}

const ID = 'produces';
const NOT_HELD = new Set([40401, 40402, 40403]);

function problem(subject: string, failure: RegistryFailure, file?: string): CheckResult {
  const refused = failure.kind === 'http' && NOT_HELD.has(failure.errorCode);
  return {
    check: ID,
    subject,
    ...(file !== undefined && { file }),
    status: refused ? 'fail' : 'error',
    summary: refused ? `not in the registry: ${failure.message}` : describeFailure(failure),
    findings: [],
  };
}

async function fromOption(client: RegistryClient, { subject, version }: ProducesOption): Promise<PlannedVersion | CheckResult> {
  const found = await client.subjectVersion(subject, version);
  return found.data ? { subject, version: found.data.version } : problem(subject, found.error);
}

async function fromContract(client: RegistryClient, contract: LocalContract): Promise<PlannedVersion | CheckResult> {
  const { subject, file } = contract;
  const resolution = await resolveReferences(client, contract);
  if ('failure' in resolution) return problem(subject, resolution.failure, file);
  if ('missing' in resolution) return { subject, file };
  const found = await client.lookup(subject, registerRequest(contract, resolution.references));
  if (found.data) return { subject, version: found.data.version, file };
  return found.error.kind === 'http' && NOT_HELD.has(found.error.errorCode) ? { subject, file } : problem(subject, found.error, file);
}

export async function producedVersions(
  client: RegistryClient,
  options: ProducesOption[],
  contracts: LocalContract[],
): Promise<ProducedVersions> {
  const answers = await Promise.all([...options.map((o) => fromOption(client, o)), ...contracts.map((c) => fromContract(client, c))]);
  const versions: PlannedVersion[] = [];
  const problems: CheckResult[] = [];
  for (const answer of answers) {
    if ('check' in answer) problems.push(answer);
    else if (!versions.some((v) => v.subject === answer.subject && v.version === answer.version)) versions.push(answer);
  }
  return { versions, problems };
}

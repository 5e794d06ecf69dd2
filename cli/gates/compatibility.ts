/**
 * The compatibility gate: would the registry accept this contract under its
 * subject, at the level configured for that subject? Asks the registry's own
 * check (`POST /compatibility/subjects/{s}/versions?verbose=true`, the check
 * a registration makes), so the answer is the registry's, not a local
 * re-implementation. A new subject passes with a notice, as the reference's
 * B.3 proposes (Confluent's Maven plugin failing there is its issue #1448).
 * A reference to another contract of the manifest that is not registered yet
 * leaves an existing subject undecided: it cannot be checked until that
 * contract is pushed.
 */
import type { RegistryClient, RegistryFailure } from '../../client/registry-client.js';
import type { LocalContract, LocalReference } from '../contract-files/local-contract.js';
import { registerRequest, resolveReferences } from '../contract-files/resolve-references.js';
import type { CheckResult, Finding } from '../output/findings.js';
import { describeFailure } from '../registry-options.js';
import { parseCompatibilityMessages } from './compatibility-messages.js';
import type { Gate } from './gate.js';

const ID = 'compatibility';

/** Which registered versions the level compares a new schema with (Confluent's `CompatibilityChecker`). */
function compared(level: string, versions: number[]): string {
  if (level === 'NONE') return 'level NONE: no version is compared';
  if (level.endsWith('_TRANSITIVE')) return `under ${level} with ${versions.length === 1 ? 'version' : 'versions'} ${versions.join(', ')}`;
  return `under ${level} with version ${versions.at(-1)}`;
}

async function registeredVersions(client: RegistryClient, subject: string): Promise<number[] | RegistryFailure> {
  const versions = await client.versions(subject);
  if (versions.data) return versions.data;
  return versions.error.kind === 'http' && versions.error.errorCode === 40401 ? [] : versions.error;
}

function unregisteredReference(base: Omit<CheckResult, 'status' | 'summary' | 'findings'>, isNew: boolean, missing: LocalReference): CheckResult {
  const what = `references ${missing.subject}, which has no registered version yet`;
  if (!missing.local) {
    return { ...base, status: 'fail', summary: what, findings: [{ severity: 'error', rule: 'REFERENCE_NOT_FOUND', message: what }] };
  }
  if (isNew) {
    const message = `new subject: nothing to be compatible with (it ${what}, so the registry did not read it)`;
    return { ...base, status: 'pass', summary: 'new subject', findings: [{ severity: 'notice', rule: 'NEW_SUBJECT', message }] };
  }
  return { ...base, status: 'unknown', summary: `undecided: it ${what}; push ${missing.subject} first`, findings: [] };
}

export const compatibilityGate: Gate<LocalContract> = {
  id: ID,
  purpose: "The contract is compatible with what is registered under its subject, at the subject's configured level",
  async check(contract, { client }) {
    const base = { check: ID, subject: contract.subject, file: contract.file };
    const error = (failure: RegistryFailure): CheckResult[] => [{ ...base, status: 'error', summary: describeFailure(failure), findings: [] }];

    const [config, versions, resolution] = await Promise.all([
      client.effectiveConfig(contract.subject),
      registeredVersions(client, contract.subject),
      resolveReferences(client, contract),
    ]);
    if (config.error) return error(config.error);
    if (!Array.isArray(versions)) return error(versions);
    if ('failure' in resolution) return error(resolution.failure);
    if ('missing' in resolution) return [unregisteredReference(base, versions.length === 0, resolution.missing)];

    const level = config.data.compatibilityLevel ?? 'BACKWARD';
    const details = { level, registeredVersions: versions, schemaType: contract.schemaType };
    const verdict = await client.checkCompatibility(contract.subject, registerRequest(contract, resolution.references), {
      verbose: true,
      ...(contract.normalize && { normalize: true }),
    });
    if (verdict.error) return error(verdict.error);
    const parsed = parseCompatibilityMessages(verdict.data.messages ?? []);

    if (verdict.data.is_compatible) {
      if (versions.length > 0) return [{ ...base, status: 'pass', summary: `compatible ${compared(level, versions)}`, findings: [], details }];
      const notice: Finding = { severity: 'notice', rule: 'NEW_SUBJECT', message: 'new subject: its first version has nothing to be compatible with' };
      return [{ ...base, status: 'pass', summary: 'new subject', findings: [notice], details }];
    }
    if (parsed.level === undefined) {
      // No level trailer: the registry could not read the schema (or its references) at all.
      const findings = parsed.findings.map((f) => ({ ...f, rule: f.rule ?? 'INVALID_SCHEMA' }));
      return [{ ...base, status: 'fail', summary: `the registry cannot read this ${contract.schemaType} schema`, findings, details }];
    }
    const against = [...new Set(parsed.findings.flatMap((f) => (f.version === undefined ? [] : [f.version])))];
    const summary = `incompatible under ${parsed.level}${against.length > 0 ? ` with version ${against.join(', ')}` : ''}`;
    return [{ ...base, status: 'fail', summary, findings: parsed.findings, details }];
  },
};

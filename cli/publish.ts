/**
 * Publishing one local contract (`creg register`, `creg contracts push`):
 * resolve its references, register it, and answer a result in the findings
 * model. A registration the registry refuses because of the contract (40901
 * incompatible, 422xx invalid schema, subject or rule set) is a failure, and
 * an incompatible one is explained by asking the verbose compatibility check
 * for its reasons; anything else (unreachable, read-only mode, 5xx) is an error.
 */
import type { RegistryClient, RegistryFailure } from '../client/registry-client.js';
import { registerRequest, resolveReferences } from './contract-files/resolve-references.js';
import type { LocalContract } from './contract-files/local-contract.js';
import { parseCompatibilityMessages } from './gates/compatibility-messages.js';
import type { CheckResult, Finding } from './output/findings.js';
import { describeFailure } from './registry-options.js';

const ID = 'register';

const INCOMPATIBLE = { rule: 'INCOMPATIBLE_SCHEMA', summary: 'refused: incompatible with the registered versions' };

/** The refusals that are the contract's fault, by error code, with Confluent's `Errors.java` names (409: before CP 8). */
const CONTRACT_FAULTS: Record<number, { rule: string; summary: string }> = {
  40901: INCOMPATIBLE,
  409: INCOMPATIBLE,
  42201: { rule: 'INVALID_SCHEMA', summary: 'refused: not a valid schema, or a reference that does not resolve' },
  42208: { rule: 'INVALID_SUBJECT', summary: 'refused: not a valid subject name' },
  42210: { rule: 'INVALID_RULESET', summary: 'refused: not a valid rule set' },
};

export interface Published {
  result: CheckResult;
  /** The version registered (new or existing), when it was. */
  version?: number;
  /** True when the registry gave no usable answer: later contracts need not be tried. */
  unreachable?: boolean;
}

export async function publishContract(
  client: RegistryClient,
  contract: LocalContract,
  known: ReadonlyMap<string, number> = new Map(),
): Promise<Published> {
  const base = { check: ID, subject: contract.subject, file: contract.file };
  const error = (failure: RegistryFailure): Published => ({
    result: { ...base, status: 'error', summary: describeFailure(failure), findings: [] },
    unreachable: failure.kind === 'transport',
  });

  const resolution = await resolveReferences(client, contract, known);
  if ('failure' in resolution) return error(resolution.failure);
  if ('missing' in resolution) {
    const message = `references subject ${resolution.missing.subject}, which has no registered version`;
    return { result: { ...base, status: 'fail', summary: message, findings: [{ severity: 'error', rule: 'REFERENCE_NOT_FOUND', message }] } };
  }
  const request = registerRequest(contract, resolution.references);
  const registered = await client.register(contract.subject, request, contract.normalize ? { normalize: true } : {});
  if (registered.data) {
    const { id, version, guid } = registered.data;
    const summary = `registered as version ${version} (schema id ${id})`;
    return { result: { ...base, status: 'pass', summary, findings: [], details: { id, version, guid } }, version };
  }
  const failure = registered.error;
  const fault = failure.kind === 'http' ? CONTRACT_FAULTS[failure.errorCode] : undefined;
  if (failure.kind !== 'http' || fault === undefined) return error(failure);
  let findings: Finding[] = [{ severity: 'error', rule: fault.rule, message: failure.message }];
  if (fault === INCOMPATIBLE) {
    // The 409 message lists the reasons as one string; the verbose check answers them one by one.
    const verbose = await client.checkCompatibility(contract.subject, request, { verbose: true, ...(contract.normalize && { normalize: true }) });
    const reasons = parseCompatibilityMessages(verbose.data?.messages ?? []).findings;
    if (reasons.length > 0) findings = reasons.map((f) => ({ ...f, rule: f.rule ?? fault.rule }));
  }
  return { result: { ...base, status: 'fail', summary: fault.summary, findings } };
}

/**
 * Has a participant version proven it reads some versions of a subject? The
 * newest published run (`creg conform --publish`) by that participant version
 * that covers a subject version decides for that version, as the Pact Broker
 * takes the latest verification of a pact: pass, fail, or unknown when there
 * is none. A version not registered yet cannot have been verified by anyone.
 */
import type { Verification } from '../../client/registry-client.js';
import type { PlannedVersion } from '../deployments/produced-versions.js';
import type { CheckResult, CheckStatus, Finding } from '../output/findings.js';

export interface Reader {
  participant: string;
  version: string;
}

interface VersionVerdict {
  version?: number;
  status: Exclude<CheckStatus, 'error'>;
  finding?: Finding;
  run?: string;
}

const versionList = (versions: Array<number | undefined>) => {
  const numbers = versions.filter((v) => v !== undefined);
  return numbers.length === 0 ? 'an unregistered version' : `${numbers.length === 1 ? 'version' : 'versions'} ${numbers.join(', ')}`;
};

function verdict(runs: Verification[], reader: Reader, planned: PlannedVersion): VersionVerdict {
  const { subject, version, file } = planned;
  if (version === undefined) {
    const message = `${file} is not registered under ${subject} yet, so no consumer can have verified it: register it, then let consumers run creg conform --publish`;
    return { status: 'unknown', finding: { severity: 'warning', rule: 'NOT_REGISTERED', message } };
  }
  const run = runs.find(
    (r) => r.consumer === reader.participant && r.consumerVersion === reader.version && r.versions.some((v) => v.version === version),
  );
  const verified = run?.versions.find((v) => v.version === version);
  if (!run || !verified) {
    const message =
      `${reader.participant} ${reader.version} has published no verification of ${subject} version ${version}: ` +
      `run creg conform --publish --consumer ${reader.participant} --consumer-version ${reader.version}`;
    return { version, status: 'unknown', finding: { severity: 'warning', rule: 'VERIFICATION_MISSING', version, message } };
  }
  if (verified.success) return { version, status: 'pass', run: run.id };
  const failed = verified.scenarios.filter((s) => s.status === 'fail').map((s) => s.scenario);
  const message = `${reader.participant} ${reader.version} failed ${failed.join(', ')} (run ${run.id}${run.seed === undefined ? '' : `, seed ${run.seed}`})`;
  return { version, status: 'fail', run: run.id, finding: { severity: 'error', rule: 'VERIFICATION_FAILED', version, message } };
}

/**
 * One result: has `reader` verified every planned version of `subject`?
 * `runs` are the subject's published runs, newest first, as the registry
 * lists them. The summary does not repeat who: the result's name says it.
 */
export function verificationResult(
  base: { check: string; subject: string; name: string; details?: Record<string, unknown> },
  reader: Reader,
  planned: PlannedVersion[],
  runs: Verification[],
): CheckResult {
  const verdicts = planned.map((p) => verdict(runs, reader, p));
  const worst = (['fail', 'unknown'] as const).find((status) => verdicts.some((v) => v.status === status)) ?? 'pass';
  const versions = (status: CheckStatus) => versionList(verdicts.filter((v) => v.status === status).map((v) => v.version));
  const summary = {
    pass: `verified ${versions('pass')}`,
    fail: `failed the verification of ${versions('fail')}`,
    unknown: `no verification of ${versions('unknown')}`,
  }[worst];
  return {
    check: base.check,
    subject: base.subject,
    name: base.name,
    status: worst,
    summary,
    findings: verdicts.flatMap((v) => (v.finding ? [v.finding] : [])),
    details: {
      ...base.details,
      reader: { participant: reader.participant, version: reader.version },
      versions: verdicts.map(({ version, status, run }) => ({ version: version ?? null, status, ...(run && { verification: run }) })),
    },
  };
}

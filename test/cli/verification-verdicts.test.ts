/**
 * The verdict of a participant version on the subject versions it must read:
 * the newest run of that very participant version covering a version
 * decides it; runs of other versions or participants do not count; a
 * version without a run, or not registered, is undecided; the worst verdict
 * is the result's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Verification } from '../../client/registry-client.js';
import { verificationResult } from '../../cli/gates/verification-verdicts.js';

const reader = { participant: 'ledger', version: '2.0.0' };
const base = { check: 'consumers-verified', subject: 'account-value', name: 'read by ledger 2.0.0' };

function run(id: string, consumerVersion: string, verdicts: Record<number, boolean>, consumer = 'ledger'): Verification {
  const versions = Object.entries(verdicts).map(([version, success]) => ({
    version: Number(version),
    schemaId: Number(version),
    success,
    scenarios: [{ scenario: 'tombstone', status: success ? ('pass' as const) : ('fail' as const) }],
  }));
  return { id, subject: 'account-value', consumer, consumerVersion, success: versions.every((v) => v.success), ts: 0, versions };
}

const statusOf = (runs: Verification[], versions: number[]) =>
  verificationResult(base, reader, versions.map((version) => ({ subject: 'account-value', version })), runs).status;

test('the newest run covering a version decides it', () => {
  assert.equal(statusOf([run('new', '2.0.0', { 3: true }), run('old', '2.0.0', { 3: false })], [3]), 'pass');
  assert.equal(statusOf([run('new', '2.0.0', { 3: false }), run('old', '2.0.0', { 3: true })], [3]), 'fail');
  assert.equal(statusOf([run('new', '2.0.0', { 2: true }), run('old', '2.0.0', { 3: false })], [3]), 'fail', 'a newer run of another version does not hide it');
});

test("runs of another version or participant do not count; a missing version is undecided", () => {
  assert.equal(statusOf([run('a', '1.0.0', { 3: true }), run('b', '2.0.0', { 3: true }, 'statements')], [3]), 'unknown');
  const result = verificationResult(base, reader, [{ subject: 'account-value', version: 2 }, { subject: 'account-value', version: 3 }], [run('a', '2.0.0', { 2: true })]);
  assert.equal(result.status, 'unknown');
  assert.equal(result.summary, 'no verification of version 3');
  assert.deepEqual(result.findings.map((f) => [f.rule, f.version]), [['VERIFICATION_MISSING', 3]]);
  assert.deepEqual(result.details?.versions, [{ version: 2, status: 'pass', verification: 'a' }, { version: 3, status: 'unknown' }]);
});

test('a failure outweighs a missing verification; an unregistered version is undecided', () => {
  const runs = [run('a', '2.0.0', { 2: false })];
  const result = verificationResult(base, reader, [{ subject: 'account-value', version: 2 }, { subject: 'account-value', version: 3 }], runs);
  assert.equal(result.status, 'fail');
  assert.equal(result.summary, 'failed the verification of version 2');
  assert.match(result.findings[0]!.message, /^ledger 2\.0\.0 failed tombstone \(run a\)$/);
  const unregistered = verificationResult(base, reader, [{ subject: 'account-value', file: 'contracts/account.avsc' }], runs);
  assert.equal(unregistered.status, 'unknown');
  assert.equal(unregistered.findings[0]!.rule, 'NOT_REGISTERED');
});

/**
 * Deploy gating as release pipelines run it: `creg register`, `creg check`,
 * `creg conform --publish`, `creg record-deployment`, `creg
 * record-undeployment` and `creg can-i-deploy`, each a child process against
 * a real registry, for one producer (account-service, writing account-value),
 * two consumers (ledger, statements) and two environments (staging,
 * production). Each exit code of can-i-deploy (0 yes, 1 no, 2 undecided, 3
 * unreachable, 64 usage) and each output format, read back by a parser.
 * The tests run in order: each step of the story builds on the ones before.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { creg, refusedUrl, shown, type CregRun } from './run-creg.js';

const CONTRACT = 'test/conformance/fixtures/contracts/account-value';
const replica = (name: string) => `test/conformance/fixtures/replicas/${name}.ts`;
const ECST = ['--metadata', 'ecst.key=account_id', '--metadata', 'ecst.sequence=header:ecst-sequence'];

let server: TestServer;
let env: Record<string, string>;
/** A contracts folder holding account-value v3, as the producer's repository would. */
let nextRelease: string;

const run = (args: string[]) => creg(args, env);
const register = (version: number) => run(['register', '--subject', 'account-value', '--schema', `${CONTRACT}/v${version}.avsc`, ...ECST]);
/** A consumer version's replica checked against every registered version, the verification published. */
const conform = (consumer: string, version: string, replicaName: string, readerVersion: number) =>
  run([
    'conform', '--subject', 'account-value', '--replica', replica(replicaName), '--reader-version', String(readerVersion), '--seed', '7',
    '--publish', '--consumer', consumer, '--consumer-version', version,
  ]);
const recordDeployment = (participant: string, version: string, environment: string, ...contracts: string[]) =>
  run(['record-deployment', '--participant', participant, '--version', version, '--env', environment, ...contracts]);
const canIDeploy = (participant: string, version: string, environment: string, ...rest: string[]) =>
  run(['can-i-deploy', '--participant', participant, '--version', version, '--to-environment', environment, ...rest]);

function expectExit(result: CregRun, code: number): void {
  assert.equal(result.code, code, shown(result));
}

describe('creg can-i-deploy, two consumers and two environments', () => {
  before(async () => {
    server = await startTestServer();
    env = { CREG_REGISTRY_URL: server.url };
    nextRelease = await mkdtemp(join(tmpdir(), 'creg-account-service-'));
    await copyFile(`${CONTRACT}/v3.avsc`, join(nextRelease, 'account.avsc'));
    const metadata = { properties: { 'ecst.key': 'account_id', 'ecst.sequence': 'header:ecst-sequence' } };
    await writeFile(join(nextRelease, 'contracts.json'), JSON.stringify({ contracts: [{ subject: 'account-value', file: 'account.avsc', metadata }] }));
  });
  after(async () => {
    await server?.dispose();
  });

  test('an environment nothing was ever recorded in is undecided (exit 2); --dry-run exits 0', async () => {
    for (const version of [1, 2]) expectExit(await register(version), 0);
    const first = await canIDeploy('account-service', '1.0.0', 'production', '--produces', 'account-value');
    expectExit(first, 2);
    assert.match(first.stdout, /^UNKNOWN production environment: unknown environment$/m);
    assert.match(first.stdout, /UNKNOWN_ENVIRONMENT: no deployment was ever recorded in production/);
    const dryRun = await canIDeploy('account-service', '1.0.0', 'production', '--produces', 'account-value', '--dry-run');
    expectExit(dryRun, 0);
    assert.match(dryRun.stderr, /dry run: the exit code would have been 2/);
  });

  test('record-deployment: the producer in both environments, writing the latest version', async () => {
    for (const environment of ['production', 'staging']) {
      const recorded = await recordDeployment('account-service', '1.0.0', environment, '--produces', 'account-value', '--format', 'json');
      expectExit(recorded, 0);
      const report = JSON.parse(recorded.stdout);
      assert.deepEqual(report.results[0].details.produces, [{ subject: 'account-value', version: 2 }]);
      assert.equal(report.results[0].details.environment, environment);
    }
    const refused = await recordDeployment('account-service', '1.0.0', 'production', '--produces', 'account-value:9');
    expectExit(refused, 1);
    assert.match(refused.stdout, /^FAIL {4}account-value produces: not in the registry: Version 9 not found\.$/m);
  });

  test('consumers that verified what production runs may deploy there (exit 0)', async () => {
    expectExit(await conform('ledger', '1.0.0', 'correct', 2), 0);
    expectExit(await conform('statements', '1.0.0', 'correct', 2), 0);
    const verdict = await canIDeploy('statements', '1.0.0', 'production');
    expectExit(verdict, 0);
    assert.match(verdict.stdout, /^PASS {4}account-value written by account-service 1\.0\.0: verified version 2$/m);
    assert.match(verdict.stdout, /creg can-i-deploy: OK\. All 1 check passed\.\n$/);
    expectExit(await recordDeployment('ledger', '1.0.0', 'production', '--consumes', 'account-value'), 0);
    expectExit(await recordDeployment('ledger', '1.0.0', 'staging', '--consumes', 'account-value'), 0);
    expectExit(await recordDeployment('statements', '1.0.0', 'production'), 0);
  });

  test('a producer whose next contract is not registered yet is undecided (exit 2)', async () => {
    expectExit(await run(['check', nextRelease]), 0);
    const verdict = await canIDeploy('account-service', '2.0.0', 'staging', nextRelease);
    expectExit(verdict, 2);
    assert.match(verdict.stdout, /^PASS {4}account-value compatibility \(.*account\.avsc\): compatible under BACKWARD with version 2$/m);
    assert.match(verdict.stdout, /^UNKNOWN account-value read by ledger 1\.0\.0: no verification of an unregistered version$/m);
    assert.match(verdict.stdout, /NOT_REGISTERED: .*account\.avsc is not registered under account-value yet/);
    const recorded = await recordDeployment('account-service', '2.0.0', 'staging', nextRelease);
    expectExit(recorded, 1);
    assert.match(recorded.stdout, /^FAIL {4}account-value record-deployment \(.*account\.avsc\): not registered$/m);
  });

  test('once registered, consumers that have not verified it leave the producer undecided (exit 2)', async () => {
    expectExit(await register(3), 0);
    const verdict = await canIDeploy('account-service', '2.0.0', 'staging', nextRelease, '--format', 'json');
    expectExit(verdict, 2);
    const report = JSON.parse(verdict.stdout);
    assert.equal(report.summary.deployable, null);
    const ledger = report.results.find((r: { check: string }) => r.check === 'consumers-verified');
    assert.equal(ledger.name, 'read by ledger 1.0.0');
    assert.deepEqual(ledger.details.versions, [{ version: 3, status: 'unknown' }]);
    assert.deepEqual(
      report.findings.map((f: { rule: string; version?: number }) => [f.rule, f.version]),
      [['VERIFICATION_MISSING', 3]],
    );
  });

  test('a consumer that verified the new version makes staging a yes (exit 0); production still waits (exit 2)', async () => {
    expectExit(await conform('ledger', '2.0.0', 'correct', 3), 0);
    expectExit(await canIDeploy('ledger', '2.0.0', 'staging'), 0);
    expectExit(await recordDeployment('ledger', '2.0.0', 'staging', '--consumes', 'account-value'), 0);

    const staging = await canIDeploy('account-service', '2.0.0', 'staging', '--produces', 'account-value:3');
    expectExit(staging, 0);
    assert.match(staging.stdout, /^PASS {4}account-value read by ledger 2\.0\.0: verified version 3$/m);
    assert.doesNotMatch(staging.stdout, /statements/, 'statements does not run in staging');
    const recorded = await recordDeployment('account-service', '2.0.0', 'staging', nextRelease, '--format', 'json');
    expectExit(recorded, 0);
    assert.deepEqual(JSON.parse(recorded.stdout).results[0].details.produces, [{ subject: 'account-value', version: 3 }]);

    const production = await canIDeploy('account-service', '2.0.0', 'production', '--produces', 'account-value:3');
    expectExit(production, 2);
    assert.match(production.stdout, /^UNKNOWN account-value read by ledger 1\.0\.0: no verification of version 3$/m);
    assert.match(production.stdout, /^UNKNOWN account-value read by statements 1\.0\.0: no verification of version 3$/m);
  });

  test('a consumer whose verification failed blocks the producer (exit 1), and itself', async () => {
    const failed = await conform('statements', '2.0.0', 'ignores-tombstones', 3);
    expectExit(failed, 1);
    const itself = await canIDeploy('statements', '2.0.0', 'production');
    expectExit(itself, 1);
    assert.match(itself.stdout, /^FAIL {4}account-value written by account-service 1\.0\.0: failed the verification of version 2$/m);
    // Deployed all the same (the gate is advice): the producer must now wait for it.
    expectExit(await recordDeployment('statements', '2.0.0', 'production'), 0);
    expectExit(await recordDeployment('ledger', '2.0.0', 'production', '--consumes', 'account-value'), 0);

    const verdict = await canIDeploy('account-service', '2.0.0', 'production', '--produces', 'account-value:3');
    expectExit(verdict, 1);
    assert.match(verdict.stdout, /^PASS {4}account-value read by ledger 2\.0\.0: verified version 3$/m);
    assert.match(verdict.stdout, /^FAIL {4}account-value read by statements 2\.0\.0: failed the verification of version 3$/m);
    assert.match(verdict.stdout, /^ {8}VERIFICATION_FAILED version 3: statements 2\.0\.0 failed \S*tombstone/m);
    assert.match(verdict.stdout, /creg can-i-deploy: NOT OK\. 1 of 2 checks failed: account-value\.\n$/);
  });

  test('--format junit: valid XML, a case per consumer, the failing one with its reason', async () => {
    const verdict = await canIDeploy('account-service', '2.0.0', 'production', '--produces', 'account-value:3', '--format', 'junit');
    expectExit(verdict, 1);
    assert.equal(XMLValidator.validate(verdict.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(
      verdict.stdout,
    );
    const suites = xml.testsuites;
    assert.deepEqual([suites.name, suites.tests, suites.failures], ['creg can-i-deploy', '2', '1']);
    const cases = suites.testsuite[0].testcase as Array<{ name: string; classname: string; failure?: { type: string; message: string } }>;
    assert.deepEqual(
      cases.map((c) => [c.classname, c.name, c.failure?.type, c.failure?.message]),
      [
        ['account-value', 'read by ledger 2.0.0', undefined, undefined],
        ['account-value', 'read by statements 2.0.0', 'VERIFICATION_FAILED', 'failed the verification of version 3'],
      ],
    );
  });

  test('--format github: an error annotation for the failed verification', async () => {
    const verdict = await canIDeploy('account-service', '2.0.0', 'production', '--produces', 'account-value:3', '--format', 'github');
    expectExit(verdict, 1);
    const lines = verdict.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^::error title=account-value%3A VERIFICATION_FAILED::version 3: statements 2\.0\.0 failed /);
    assert.equal(lines.at(-1), 'creg can-i-deploy: 1 of 2 checks failed: account-value');
  });

  test('record-undeployment takes the failing consumer out of production: the producer may deploy (exit 0)', async () => {
    const undeployed = await run(['record-undeployment', '--participant', 'statements', '--env', 'production']);
    expectExit(undeployed, 0);
    assert.match(undeployed.stdout, /^PASS {4}statements 2\.0\.0: undeployed from production$/m);
    expectExit(await run(['record-undeployment', '--participant', 'statements', '--env', 'production']), 1);

    const verdict = await canIDeploy('account-service', '2.0.0', 'production', '--produces', 'account-value:3', '--format', 'json');
    expectExit(verdict, 0);
    const report = JSON.parse(verdict.stdout);
    assert.equal(report.summary.deployable, true);
    assert.deepEqual(report.results.map((r: { name: string; status: string }) => [r.name, r.status]), [['read by ledger 2.0.0', 'pass']]);
  });

  test('--retry-while-unknown asks again before giving up', async () => {
    const verdict = await canIDeploy('account-service', '2.0.0', 'qa', '--produces', 'account-value:3', '--retry-while-unknown', '1', '--retry-interval', '0');
    expectExit(verdict, 2);
    assert.match(verdict.stderr, /undecided; asking again in 0 s \(1 of 1\)/);
  });

  test('nothing to go on is undecided; an unreachable registry exits 3; a usage error 64', async () => {
    const nothing = await canIDeploy('newcomer', '0.1.0', 'production');
    expectExit(nothing, 2);
    assert.match(nothing.stdout, /NO_CONTRACTS: nothing says what newcomer 0\.1\.0 writes or reads/);
    const unreachable = await creg(['can-i-deploy', '--participant', 'a', '--version', '1', '--to-environment', 'production', '--registry', await refusedUrl()]);
    expectExit(unreachable, 3);
    assert.match(unreachable.stdout, /registry unreachable/);
    const usage = await run(['can-i-deploy', '--participant', 'a', '--version', '1']);
    expectExit(usage, 64);
    assert.match(usage.stderr, /--to-environment/);
    expectExit(await run(['can-i-deploy', '--participant', 'a', '--version', '1', '--to-environment', 'p', '--retry-while-unknown', 'x']), 64);
    expectExit(await run(['record-deployment', '--participant', 'a', '--version', '1']), 64);
  });
});

/**
 * `creg conform` as a command, run as a child process: its scenario list,
 * its exit codes (0 pass, 1 failures, 3 tool error, 64 usage error), the
 * seed it prints so that a failing run can be repeated, and `--format junit
 * --output` writing JUnit with the text report still on stdout.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { SCENARIOS } from '../../conformance/index.js';
import { creg, ROOT } from './support/creg.js';

const CONTRACT = join(ROOT, 'test/conformance/fixtures/contracts/account-value');
const replica = (name: string) => join(ROOT, `test/conformance/fixtures/replicas/${name}.ts`);
const dir = mkdtempSync(join(tmpdir(), 'creg-conform-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('creg conform', () => {
  it('--list prints every scenario with its checklist rows', async () => {
    const run = await creg(['conform', '--list']);
    assert.equal(run.code, 0);
    const ids = run.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    assert.deepEqual(ids, SCENARIOS.map((s) => s.id));
    assert.match(run.stdout, /^redelivery\s+C03 C07 C23\s+A message applied again/m);
  });

  it('exits 1 on a failure, printing the seed, and --seed repeats the run', async () => {
    const first = await creg(['conform', '--contracts', CONTRACT, '--replica', replica('text-sequence'), '--scenario', 'random-history']);
    assert.equal(first.code, 1);
    const seed = /Repeat this run exactly with --seed (\d+)\./.exec(first.stdout)?.[1];
    assert.ok(seed, first.stdout);
    const again = await creg(['conform', '--contracts', CONTRACT, '--replica', replica('text-sequence'), '--scenario', 'random-history', '--seed', seed, '--format', 'json']);
    assert.equal(again.code, 1);
    assert.equal((JSON.parse(again.stdout) as { seed: number }).seed, Number(seed));
  });

  it('writes JUnit to --output, one test case per version and scenario, and the text report to stdout', async () => {
    const output = join(dir, 'reports', 'conform.xml');
    const run = await creg(['conform', '--contracts', CONTRACT, '--replica', replica('applies-duplicates'), '--format', 'junit', '--output', output, '--seed', '3']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^scenario\s+v1\s+v2\s+v3$/m);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(output, 'utf8')) as {
      testsuites: { testsuite: Array<{ testcase: Array<{ name: string; failure?: unknown }> }> };
    };
    const cases = xml.testsuites.testsuite.flatMap((suite, i) => suite.testcase.map((c) => `v${i + 1} ${c.name}${c.failure ? ' FAIL' : ''}`));
    assert.equal(cases.length, 3 * SCENARIOS.length);
    assert.deepEqual(cases.filter((c) => c.endsWith('FAIL')), ['v1 redelivery FAIL', 'v2 redelivery FAIL', 'v3 redelivery FAIL']);
  });

  it('exits 0 when every scenario passes, with the reader version and projection overridden', async () => {
    const run = await creg(['conform', '--contracts', CONTRACT, '--replica', replica('correct'), '--versions', '2,3', '--skip', 'random-history', '--reader-version', '3', '--fields', 'account_id,owner,balance']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /Reader v3, fields account_id, owner, balance/);
    assert.doesNotMatch(run.stdout, /random-history/);
  });

  it('exits 64 for a usage error (conform-options.test.ts checks each one)', async () => {
    const run = await creg(['conform', '--contracts', CONTRACT]);
    assert.equal(run.code, 64, run.stderr);
    assert.match(run.stderr, /give --replica or --replica-url/);
    const format = await creg(['conform', '--contracts', CONTRACT, '--replica', 'a.ts', '--format', 'xml']);
    assert.equal(format.code, 64);
    assert.match(format.stderr, /Allowed choices are text, json, junit/);
  });

  it('exits 3 when the contract folder or the replica module cannot be read', async () => {
    const noFolder = await creg(['conform', '--contracts', join(dir, 'missing'), '--replica', replica('correct')]);
    assert.equal(noFolder.code, 3);
    assert.match(noFolder.stderr, /Cannot read the contract folder/);
    const noModule = await creg(['conform', '--contracts', CONTRACT, '--replica', join(dir, 'missing.ts')]);
    assert.equal(noModule.code, 3);
    assert.match(noModule.stderr, /No replica module at/);
  });
});

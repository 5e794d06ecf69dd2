/**
 * `creg check` as CI runs it, a child process against a real registry: each
 * exit code (0 compatible, 1 incompatible, 2 undecided, 3 unreachable, 64
 * usage), each output format read back by a parser, and the subject's
 * configured level deciding the verdict. The folders are `fixtures/`'s.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createRegistryClient } from '../../client/registry-client.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { creg, refusedUrl, shown } from './run-creg.js';

const SHOP = 'test/cli/fixtures/shop';
const NEXT = 'test/cli/fixtures/shop-next';
const LOYALTY = 'test/cli/fixtures/loyalty';

let server: TestServer;
let env: Record<string, string>;

describe('creg check', () => {
  before(async () => {
    server = await startTestServer();
    env = { CREG_REGISTRY_URL: server.url };
  });
  after(async () => {
    await server?.dispose();
  });

  test('new subjects pass with a notice each (exit 0), and nothing is registered', async () => {
    const run = await creg(['check', SHOP], env);
    assert.equal(run.code, 0, shown(run));
    assert.equal(run.stdout.match(/^PASS {4}\S+ compatibility \(.*\): new subject$/gm)?.length, 3, run.stdout);
    assert.match(run.stdout, /creg check: OK\. All 3 checks passed\.\n$/);
    assert.deepEqual((await createRegistryClient({ baseUrl: server.url }).subjects()).data, []);
  });

  test('once pushed, the same folder is compatible under BACKWARD (exit 0)', async () => {
    const push = await creg(['contracts', 'push', SHOP], env);
    assert.equal(push.code, 0, shown(push));
    const run = await creg(['check', SHOP], env);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /^PASS {4}customer-value compatibility \(test\/cli\/fixtures\/shop\/customer\.avsc\): compatible under BACKWARD with version 1$/m);
  });

  test('an incompatible change exits 1 and says why', async () => {
    const run = await creg(['check', NEXT], env);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^FAIL {4}customer-value compatibility \(test\/cli\/fixtures\/shop-next\/customer\.avsc\): incompatible under BACKWARD with version 1$/m);
    assert.match(run.stdout, /^ {8}READER_FIELD_MISSING_DEFAULT_VALUE \/fields\/3 version 1: The field 'email'/m);
    assert.match(run.stdout, /^PASS {4}address-value compatibility/m);
    assert.match(run.stdout, /creg check: NOT OK\. 1 of 3 checks failed: customer-value\.\n$/);
  });

  test('--format json: one document with the summary, the results and the findings', async () => {
    const run = await creg(['check', NEXT, '--format', 'json'], env);
    assert.equal(run.code, 1, shown(run));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary, {
      deployable: false,
      reason: '1 of 3 checks failed: customer-value',
      counts: { pass: 2, fail: 1, unknown: 0, error: 0 },
    });
    assert.deepEqual(
      report.results.map((r: { subject: string; status: string }) => [r.subject, r.status]),
      [
        ['customer-value', 'fail'],
        ['order-value', 'pass'],
        ['address-value', 'pass'],
      ],
    );
    assert.deepEqual(report.results[0].details, { level: 'BACKWARD', registeredVersions: [1], schemaType: 'AVRO' });
    assert.deepEqual(report.findings, [
      {
        subject: 'customer-value',
        check: 'compatibility',
        file: `${NEXT}/customer.avsc`,
        severity: 'error',
        rule: 'READER_FIELD_MISSING_DEFAULT_VALUE',
        path: '/fields/3',
        version: 1,
        message: "The field 'email' at path '/fields/3' in the new schema has no default value and is missing in the old schema",
      },
    ]);
  });

  test('--format junit: valid XML, a suite per subject, a failing case for the incompatible one', async () => {
    const run = await creg(['check', NEXT, '--format', 'junit'], env);
    assert.equal(run.code, 1, shown(run));
    assert.equal(XMLValidator.validate(run.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(
      run.stdout,
    );
    const suites = xml.testsuites;
    assert.deepEqual([suites.name, suites.tests, suites.failures, suites.errors], ['creg check', '3', '1', '0']);
    const cases = suites.testsuite.flatMap((s: { name: string; testcase: unknown[] }) =>
      s.testcase.map((c) => ({ suite: s.name, ...(c as object) })),
    ) as Array<{ suite: string; name: string; file: string; failure?: { type: string; message: string; '#text': string } }>;
    assert.deepEqual(
      cases.map((c) => [c.suite, c.name, c.file, c.failure?.type]),
      [
        ['customer-value', 'compatibility', `${NEXT}/customer.avsc`, 'READER_FIELD_MISSING_DEFAULT_VALUE'],
        ['order-value', 'compatibility', `${NEXT}/order.json`, undefined],
        ['address-value', 'compatibility', `${NEXT}/address.avsc`, undefined],
      ],
    );
    assert.equal(cases[0]!.failure!.message, 'incompatible under BACKWARD with version 1');
    assert.match(cases[0]!.failure!['#text'], /The field 'email' at path '\/fields\/3'/);
  });

  test('--format github: an error annotation on the schema file', async () => {
    const run = await creg(['check', NEXT, '--format', 'github'], env);
    assert.equal(run.code, 1, shown(run));
    assert.deepEqual(run.stdout.trimEnd().split('\n'), [
      `::error file=${NEXT}/customer.avsc,title=customer-value%3A READER_FIELD_MISSING_DEFAULT_VALUE::/fields/3, version 1: The field 'email' at path '/fields/3' in the new schema has no default value and is missing in the old schema`,
      'creg check: 1 of 3 checks failed: customer-value',
    ]);
  });

  test('--output: the format to the file, the text report to stdout', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'creg-report-')), 'reports', 'check.xml');
    const run = await creg(['check', NEXT, '--format', 'junit', '--output', file], env);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stdout, /^FAIL {4}customer-value/m);
    assert.match(await readFile(file, 'utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="creg check" tests="3" failures="1"/);
  });

  test('one schema file: --subject, --schema, --reference resolving the latest version', async () => {
    const args = ['check', '--subject', 'customer-value', '--schema', `${NEXT}/customer.avsc`];
    const [failing, passing] = await Promise.all([
      creg([...args, '--reference', 'com.example.shop.Address=address-value', '--format', 'json'], env),
      creg(['check', '--subject', 'customer-value', '--schema', `${SHOP}/customer.avsc`, '--reference', 'com.example.shop.Address=address-value:1'], env),
    ]);
    assert.equal(failing.code, 1, shown(failing));
    assert.equal(JSON.parse(failing.stdout).findings[0].rule, 'READER_FIELD_MISSING_DEFAULT_VALUE');
    assert.equal(passing.code, 0, shown(passing));
  });

  test("the subject's configured level decides: under NONE the same change passes", async () => {
    const client = createRegistryClient({ baseUrl: server.url });
    const headers = { 'Content-Type': 'application/vnd.schemaregistry.v1+json' };
    const body = { compatibility: 'NONE' };
    await client.http.PUT('/config/{subject}', { params: { path: { subject: 'customer-value' } }, body, headers });
    try {
      const run = await creg(['check', NEXT], env);
      assert.equal(run.code, 0, shown(run));
      assert.match(run.stdout, /^PASS {4}customer-value compatibility \(.*\): compatible level NONE: no version is compared$/m);
    } finally {
      await client.http.DELETE('/config/{subject}', { params: { path: { subject: 'customer-value' } } });
    }
  });

  test('a reference to a contract of the folder not registered yet leaves the subject undecided (exit 2)', async () => {
    const run = await creg(['check', LOYALTY, '--format', 'json'], env);
    assert.equal(run.code, 2, shown(run));
    const report = JSON.parse(run.stdout);
    assert.equal(report.summary.deployable, null);
    assert.deepEqual(
      report.results.map((r: { subject: string; status: string; summary: string }) => [r.subject, r.status, r.summary]),
      [
        ['customer-value', 'unknown', 'undecided: it references loyalty-value, which has no registered version yet; push loyalty-value first'],
        ['loyalty-value', 'pass', 'new subject'],
      ],
    );
  });

  test('an unreachable registry exits 3, every check an error', async () => {
    const run = await creg(['check', SHOP, '--registry', await refusedUrl(), '--format', 'json'], env);
    assert.equal(run.code, 3, shown(run));
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.summary.counts, { pass: 0, fail: 0, unknown: 0, error: 3 });
    assert.match(report.results[0].summary, /^registry unreachable: fetch failed: ECONNREFUSED$/);
  });

  test('usage errors exit 64', async () => {
    const runs = await Promise.all([
      creg(['check'], env),
      creg(['check', SHOP, '--schema', `${SHOP}/customer.avsc`], env),
      creg(['check', SHOP, '--subject', 'customer-value'], env),
      creg(['check', SHOP, '--format', 'sarif'], env),
      creg(['check', 'test/cli/fixtures'], env),
      creg(['check', SHOP]),
      creg(['check', SHOP, '--registry', 'not a url']),
    ]);
    for (const run of runs) assert.equal(run.code, 64, shown(run));
    assert.match(runs[0]!.stderr, /give a folder, or --subject and --schema/);
    assert.match(runs[4]!.stderr, /cannot read the manifest test\/cli\/fixtures\/contracts\.json: ENOENT/);
    assert.match(runs[5]!.stderr, /required option '--registry <url>' not specified/);
  });
});

/**
 * The three renderings of one report (`fixtures/reports/cannot-read-v1.json`,
 * a frozen run): the terminal matrix and the JUnit XML match their golden
 * files (`UPDATE_GOLDEN=1` rewrites them), the JUnit file parses with one
 * test case per version × scenario, the JSON is the report itself, and
 * colours appear only when asked.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderReport, type ConformanceReport } from '../../conformance/index.js';

const fixture = (name: string) => new URL(`./fixtures/reports/${name}`, import.meta.url);
const report = JSON.parse(readFileSync(fixture('cannot-read-v1.json'), 'utf8')) as ConformanceReport;

function golden(name: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(fixture(name), actual);
  assert.equal(actual, readFileSync(fixture(name), 'utf8'), `${name} differs (UPDATE_GOLDEN=1 rewrites it)`);
}

describe('conformance reports', () => {
  it('text: the matrix, each failure with what was sent, expected and returned, and the seed', () => {
    const text = renderReport(report, 'text');
    golden('cannot-read-v1.txt', text);
    assert.doesNotMatch(text, /\x1b\[/, 'no colours unless asked');
    assert.match(text, /^readable\s+FAIL\s+pass\s+pass$/m);
    assert.match(text, /Repeat this run exactly with --seed 20261123\./);
    assert.match(renderReport(report, 'text', { color: true }), /\x1b\[31;1mFAIL\x1b\[0m/);
  });

  it('junit: one test suite per version, one test case per scenario', () => {
    const xml = renderReport(report, 'junit');
    golden('cannot-read-v1.junit.xml', xml);
    assert.equal(XMLValidator.validate(xml), true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(xml) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: Array<{ name: string; testcase: Array<{ name: string; classname: string; failure?: { message: string; '#text': string }; skipped?: { message: string } }> }> };
    };
    const suites = parsed.testsuites.testsuite;
    assert.deepEqual(suites.map((s) => s.name), ['account-value v1', 'account-value v2', 'account-value v3']);
    for (const suite of suites) {
      assert.deepEqual(suite.testcase.map((c) => c.name), ['readable', 'redelivery', 'tombstone', 'future-schema']);
    }
    assert.equal(parsed.testsuites.tests, '12');
    assert.equal(parsed.testsuites.failures, '1');
    assert.equal(parsed.testsuites.skipped, '3');
    const readableV1 = suites[0]!.testcase[0]!;
    assert.equal(readableV1.classname, 'account-value.v1');
    assert.match(readableV1.failure!.message, /refused a valid message/);
    assert.match(readableV1.failure!['#text'], /sent:\n\s+#1 sequence 1 upsert v1 \(schema id 1\)/);
    assert.match(readableV1.failure!['#text'], /Repeat with --seed 20261123\./);
    assert.match(suites[0]!.testcase[1]!.skipped!.message, /blocked: v1 is not readable/);
  });

  it('json: the report itself', () => {
    assert.deepEqual(JSON.parse(renderReport(report, 'json')), report);
  });
});

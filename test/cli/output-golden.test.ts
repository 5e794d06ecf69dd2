/**
 * Each renderer of `cli/output/` against its golden file in `golden/`, for
 * one report with every status (`sample-report.ts`). After an intended change
 * of a format, rewrite the files with `UPDATE_GOLDEN=1` and review the diff.
 * The XML and JSON goldens are also parsed, so that a golden file cannot
 * pin invalid output.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { OUTPUT_FORMATS, RENDERERS, type OutputFormat } from '../../cli/output/index.js';
import { sampleReport } from './sample-report.js';

const GOLDEN: Record<OutputFormat, string> = {
  text: 'report.txt',
  json: 'report.json',
  junit: 'report.xml',
  github: 'report.github.txt',
};

describe('renderers', () => {
  for (const format of OUTPUT_FORMATS) {
    test(`${format} matches golden/${GOLDEN[format]}`, () => {
      const file = new URL(`golden/${GOLDEN[format]}`, import.meta.url);
      const rendered = RENDERERS[format](sampleReport);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, rendered);
      assert.equal(rendered, readFileSync(file, 'utf8'));
    });
  }

  test('the JUnit rendering is well-formed XML', () => {
    assert.equal(XMLValidator.validate(RENDERERS.junit(sampleReport)), true);
  });

  test('the JSON rendering is one document with summary, results and flat findings', () => {
    const json = JSON.parse(RENDERERS.json(sampleReport));
    assert.deepEqual(json.summary, {
      deployable: false,
      reason: '1 of 5 checks failed: customer-value',
      counts: { pass: 2, fail: 1, unknown: 1, error: 1 },
    });
    assert.equal(json.results.length, 5);
    assert.deepEqual(
      json.findings.map((f: { subject: string; rule: string }) => [f.subject, f.rule]),
      [
        ['customer-value', 'READER_FIELD_MISSING_DEFAULT_VALUE'],
        ['customer-value', 'TYPE_MISMATCH'],
        ['order-value', 'NEW_SUBJECT'],
      ],
    );
  });

  test('a GitHub annotation stays on one line, whatever its message holds', () => {
    const lines = RENDERERS.github(sampleReport).trimEnd().split('\n');
    assert.ok(lines.slice(0, -1).every((line) => line.startsWith('::')), lines.join('\n'));
  });
});

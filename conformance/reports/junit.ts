/**
 * The JUnit XML report, as CI systems read it (the de-facto schema of Ant's
 * JUnit task, as buf's `--error-format junit` writes it): one test suite per
 * contract version, one test case per scenario, a failure element with what
 * was sent, expected and returned, a skipped element with its reason. The
 * seed, reader version and schema id are suite properties.
 */
import type { ConformanceReport } from '../report.js';
import { failureLines } from './failure-text.js';

export function renderJunit(report: ConformanceReport): string {
  const { summary } = report;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({
      name: `creg conform ${report.subject}`,
      tests: summary.cells,
      failures: summary.failed,
      errors: 0,
      skipped: summary.skipped,
      time: seconds(report.durationMs),
    })}>`,
  ];
  for (const version of report.versions) {
    const cells = report.cells.filter((c) => c.version === version.version);
    const failed = cells.filter((c) => c.status === 'fail').length;
    const skipped = cells.filter((c) => c.status === 'skipped').length;
    const time = cells.reduce((sum, c) => sum + c.durationMs, 0);
    const suite = {
      name: `${report.subject} v${version.version}`,
      tests: cells.length,
      failures: failed,
      errors: 0,
      skipped,
      time: seconds(time),
      timestamp: report.startedAt.replace(/\.\d+Z$/, ''),
    };
    out.push(`  <testsuite${attributes(suite)}>`);
    out.push('    <properties>');
    for (const [name, value] of [
      ['seed', report.seed],
      ['schemaId', version.schemaId],
      ['readerVersion', report.readerVersion],
      ['replica', report.replica],
      ['source', report.source],
    ] as const) {
      out.push(`      <property name="${name}" value="${attr(String(value))}"/>`);
    }
    out.push('    </properties>');
    for (const cell of cells) {
      const open = `    <testcase${attributes({ classname: `${report.subject}.v${version.version}`, name: cell.scenario, time: seconds(cell.durationMs) })}`;
      if (cell.status === 'pass') {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (cell.status === 'skipped') {
        out.push(`      <skipped message="${attr(cell.reason ?? '')}"/>`);
      } else {
        const first = cell.failures[0];
        const message = first ? `${first.step}: ${first.message}` : 'failed';
        const body = cell.failures
          .flatMap((f) => [`step: ${f.step}`, ...failureLines(f, 2000).map((l) => `  ${l}`), ''])
          .concat([`Repeat with --seed ${report.seed}.`])
          .join('\n');
        out.push(`      <failure message="${attr(message)}" type="conformance">${text(body)}</failure>`);
      }
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

const attributes = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${attr(String(value))}"`)
    .join('');

/** Characters XML 1.0 cannot hold at all are replaced, so that a replica's odd answer cannot break the file. */
function xmlSafe(value: string): string {
  return value.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * The terminal report: a matrix of scenarios (rows) by contract versions
 * (columns), then every failure with what was sent, expected and returned,
 * and the seed that repeats the run. ANSI colours only when asked (the CLI
 * asks when stdout is a TTY and NO_COLOR is unset).
 */
import type { ConformanceReport } from '../report.js';
import { cellOf } from '../report.js';
import { failureLines } from './failure-text.js';

const STATUS_TEXT = { pass: 'pass', fail: 'FAIL', skipped: 'skip' } as const;
const COLOURS = { pass: '\x1b[32m', fail: '\x1b[31;1m', skipped: '\x1b[33m' } as const;
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function renderText(report: ConformanceReport, options: { color?: boolean } = {}): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${RESET}` : text);
  const out: string[] = [];
  out.push(`Contract ${report.subject} (${report.versions.length} version${report.versions.length === 1 ? '' : 's'}, from ${report.source})`);
  out.push(`Replica ${report.replica}`);
  out.push(
    `Reader v${report.readerVersion}${report.fields ? `, fields ${report.fields.join(', ')}` : ', all fields'}; seed ${report.seed}`,
  );
  out.push('');

  const nameWidth = Math.max('scenario'.length, ...report.scenarios.map((s) => s.id.length)) + 2;
  const columns = report.versions.map((v) => `v${v.version}${v.deleted ? '*' : ''}`);
  const width = Math.max(6, ...columns.map((c) => c.length + 2));
  out.push(`${'scenario'.padEnd(nameWidth)}${columns.map((c) => c.padEnd(width)).join('')}`.trimEnd());
  for (const scenario of report.scenarios) {
    const row = report.versions.map((v) => {
      const cell = cellOf(report, v.version, scenario.id);
      const text = cell ? STATUS_TEXT[cell.status] : '';
      return cell ? paint(COLOURS[cell.status], text) + ' '.repeat(width - text.length) : ' '.repeat(width);
    });
    out.push(`${scenario.id.padEnd(nameWidth)}${row.join('')}`.trimEnd());
  }
  if (report.versions.some((v) => v.deleted)) out.push(paint(DIM, '* soft-deleted in the registry'));
  out.push('');

  const { summary } = report;
  const verdict = summary.success ? paint(COLOURS.pass, 'PASSED') : paint(COLOURS.fail, 'FAILED');
  out.push(
    `${verdict}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped of ${summary.cells} cells in ${(report.durationMs / 1000).toFixed(1)} s`,
  );

  for (const cell of report.cells.filter((c) => c.status === 'fail')) {
    const scenario = report.scenarios.find((s) => s.id === cell.scenario);
    out.push('');
    out.push(paint(COLOURS.fail, `FAIL ${cell.scenario} × v${cell.version}`) + (scenario ? ` — ${scenario.purpose}` : ''));
    for (const failure of cell.failures) {
      out.push(`  step: ${failure.step}`);
      for (const line of failureLines(failure)) out.push(`    ${line}`);
    }
  }
  const skippedReasons = new Map<string, string[]>();
  for (const cell of report.cells.filter((c) => c.status === 'skipped')) {
    skippedReasons.set(cell.reason ?? '', [...(skippedReasons.get(cell.reason ?? '') ?? []), `${cell.scenario} × v${cell.version}`]);
  }
  for (const [reason, cells] of skippedReasons) {
    out.push('');
    out.push(paint(COLOURS.skipped, `skipped ${cells.join(', ')}`));
    out.push(`  ${reason}`);
  }
  if (!summary.success) {
    out.push('');
    out.push(`Repeat this run exactly with --seed ${report.seed}.`);
  }
  return `${out.join('\n')}\n`;
}

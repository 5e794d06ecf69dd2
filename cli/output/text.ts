/**
 * The default, human output: one line per check with its verdict, its
 * findings indented below it, then the summary. Plain ASCII words rather
 * than symbols, so CI logs and `grep` read it alike.
 */
import { summarize, type CheckResult, type CheckStatus, type Finding, type Report } from './findings.js';

const INDENT = ' '.repeat(8);
const LABEL: Record<CheckStatus, string> = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN', error: 'ERROR' };

function findingLine(finding: Finding): string {
  const where = [finding.rule, finding.path, finding.version === undefined ? undefined : `version ${finding.version}`]
    .filter((part) => part !== undefined)
    .join(' ');
  const prefix = finding.severity === 'error' ? '' : `${finding.severity}: `;
  return `${INDENT}${prefix}${where ? `${where}: ` : ''}${finding.message.replace(/\r?\n/g, `\n${INDENT}`)}`;
}

function resultLines(result: CheckResult): string[] {
  const what = [result.subject, result.name ?? result.check].join(' ');
  const file = result.file ? ` (${result.file})` : '';
  return [`${LABEL[result.status].padEnd(7)} ${what}${file}: ${result.summary}`, ...result.findings.map(findingLine)];
}

export function renderText(report: Report): string {
  const summary = summarize(report);
  const { counts } = summary;
  const verdict = counts.fail > 0 ? 'NOT OK' : counts.error > 0 ? 'ERROR' : counts.unknown > 0 ? 'UNDECIDED' : 'OK';
  return [...report.results.flatMap(resultLines), '', `${report.command}: ${verdict}. ${summary.reason}.`, ''].join('\n');
}

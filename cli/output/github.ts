/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the pull request: `::error file=…,title=…::message`
 * per finding (`::warning` for undecided checks, `::notice` for notices),
 * then the summary as a plain log line. Escaping follows the runner's
 * command syntax (actions/toolkit `packages/core/src/command.ts`): `%`, CR
 * and LF in the message; also `:` and `,` in property values.
 */
import { summarize, type CheckResult, type Report, type Severity } from './findings.js';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(severity: Severity, properties: Record<string, string | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => `${name}=${escapeProperty(value!)}`)
    .join(',');
  return `::${severity}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function annotations(result: CheckResult): string[] {
  const title = (rule?: string) => [result.subject, rule].filter(Boolean).join(': ');
  const lines = result.findings.map((finding) => {
    const where = [finding.path, finding.version === undefined ? undefined : `version ${finding.version}`].filter(Boolean);
    const message = `${where.length > 0 ? `${where.join(', ')}: ` : ''}${finding.message}`;
    return command(finding.severity, { file: result.file, title: title(finding.rule) }, message);
  });
  // A check that did not pass gets an annotation even when it has no finding to show.
  if (result.status !== 'pass' && !result.findings.some((f) => f.severity !== 'notice')) {
    lines.push(command(result.status === 'unknown' ? 'warning' : 'error', { file: result.file, title: title() }, result.summary));
  }
  return lines;
}

export function renderGithub(report: Report): string {
  const summary = summarize(report);
  return [...report.results.flatMap(annotations), `${report.command}: ${summary.reason}`, ''].join('\n');
}

/**
 * `--format junit`: JUnit XML, which most CI systems display as test
 * results. One `<testsuite>` per subject, one `<testcase>` per check of it:
 * a failed check holds a `<failure>` listing its findings, a check that could
 * not run an `<error>`, an undecided one `<skipped>`. (buf writes one suite
 * per file and a case per rule; a subject is our file.)
 */
import { summarize, type CheckResult, type Finding, type Report } from './findings.js';

// XML 1.0 forbids most control characters even when escaped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attributes = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join('');

function findingText(finding: Finding): string {
  const where = [finding.rule, finding.path, finding.version === undefined ? undefined : `version ${finding.version}`]
    .filter((part) => part !== undefined)
    .join(' ');
  return `${finding.severity}: ${where ? `${where}: ` : ''}${finding.message}`;
}

function testcase(result: CheckResult): string {
  const open = `    <testcase${attributes({ name: result.name ?? result.check, classname: result.subject, file: result.file })}`;
  const body = escape(result.findings.map(findingText).join('\n'));
  const firstRule = result.findings.find((f) => f.severity === 'error')?.rule;
  switch (result.status) {
    case 'pass':
      return body ? `${open}>\n      <system-out>${body}</system-out>\n    </testcase>` : `${open}/>`;
    case 'fail':
      return `${open}>\n      <failure${attributes({ message: result.summary, type: firstRule ?? 'failure' })}>${body}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error${attributes({ message: result.summary, type: 'error' })}>${body}</error>\n    </testcase>`;
    case 'unknown':
      return `${open}>\n      <skipped${attributes({ message: result.summary })}/>\n    </testcase>`;
  }
}

function counts(results: CheckResult[]) {
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  return { tests: results.length, failures: count('fail'), errors: count('error'), skipped: count('unknown') };
}

export function renderJunit(report: Report): string {
  const subjects = [...new Set(report.results.map((r) => r.subject))];
  const suites = subjects.map((subject) => {
    const results = report.results.filter((r) => r.subject === subject);
    return [`  <testsuite${attributes({ name: subject, ...counts(results) })}>`, ...results.map(testcase), '  </testsuite>'].join('\n');
  });
  const summary = summarize(report);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: report.command, ...counts(report.results) })}>`,
    `  <!-- ${escape(summary.reason).replace(/--/g, '- -')} -->`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

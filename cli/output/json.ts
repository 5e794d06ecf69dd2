/**
 * `--format json`: one document, for scripts. `summary` is shaped like the
 * Pact Broker's matrix summary (`deployable` true, false or null, a reason,
 * counts); `results` holds each check with its findings; `findings` lists
 * them all flat, each with its subject, like buf's JSON annotations. Exit
 * codes say the same as `summary.deployable`, so a script need not parse text.
 */
import { summarize, type Report } from './findings.js';

export function renderJson(report: Report): string {
  const findings = report.results.flatMap((result) =>
    result.findings.map((finding) => ({
      subject: result.subject,
      check: result.check,
      ...(result.file !== undefined && { file: result.file }),
      ...finding,
    })),
  );
  return `${JSON.stringify({ command: report.command, summary: summarize(report), results: report.results, findings }, null, 2)}\n`;
}

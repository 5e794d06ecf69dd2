/**
 * The one model every gating command reports in (`check`, `register`,
 * `contracts push`, and next `can-i-deploy`): a result per subject and check,
 * each with its findings, and a summary derived from them. Renderers
 * (`text.ts`, `json.ts`, `junit.ts`, `github.ts`) only read it. Modelled on
 * buf's `bufanalysis` file annotations (a finding is data with a stable rule
 * id) and the Pact Broker's tri-state `deployable` (true, false, or null when
 * something could not be decided).
 */

/** How one check of one subject ended; `unknown` is "no answer yet" (e.g. no verification recorded). */
export type CheckStatus = 'pass' | 'fail' | 'unknown' | 'error';

export const CHECK_STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'unknown', 'error'];

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  severity: Severity;
  /** What is wrong (or worth knowing), in one sentence. */
  message: string;
  /** A stable id: Confluent's difference type (`READER_FIELD_MISSING_DEFAULT_VALUE`) or the check's own (`NEW_SUBJECT`). */
  rule?: string;
  /** Where in the schema, as Confluent's messages say it (`/fields/2`, `#/properties/f`). */
  path?: string;
  /** The registered version the finding is about. */
  version?: number;
}

export interface CheckResult {
  /** The check's id (`compatibility`, `register`; `verification`, … with can-i-deploy). */
  check: string;
  /** A display name when one subject has several results of the same check (e.g. one per consumer). */
  name?: string;
  subject: string;
  /** The local file checked or published, as the user named it (annotations point at it). */
  file?: string;
  status: CheckStatus;
  /** What was checked and how it ended, in one line. */
  summary: string;
  findings: Finding[];
  /** Facts for machine-readable output: the level, the versions compared, the id registered… */
  details?: Record<string, unknown>;
}

export interface Report {
  /** The command that produced it, e.g. `creg check`. */
  command: string;
  results: CheckResult[];
}

export interface ReportSummary {
  /** true: every check passed; false: one failed; null: none failed but one could not be decided. */
  deployable: boolean | null;
  reason: string;
  counts: Record<CheckStatus, number>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function summarize(report: Report): ReportSummary {
  const counts = { pass: 0, fail: 0, unknown: 0, error: 0 };
  for (const result of report.results) counts[result.status] += 1;
  const total = report.results.length;
  const subjectsWith = (status: CheckStatus) =>
    [...new Set(report.results.filter((r) => r.status === status).map((r) => r.subject))].join(', ');
  if (counts.fail > 0) {
    return { deployable: false, reason: `${counts.fail} of ${plural(total, 'check')} failed: ${subjectsWith('fail')}`, counts };
  }
  if (counts.error > 0) {
    return { deployable: null, reason: `${counts.error} of ${plural(total, 'check')} could not run: ${subjectsWith('error')}`, counts };
  }
  if (counts.unknown > 0) {
    return { deployable: null, reason: `${counts.unknown} of ${plural(total, 'check')} undecided: ${subjectsWith('unknown')}`, counts };
  }
  return { deployable: true, reason: total === 0 ? 'Nothing to check' : `All ${plural(total, 'check')} passed`, counts };
}

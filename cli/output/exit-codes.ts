/**
 * Exit codes of the gating commands (reference part B.3): findings apart
 * from system errors, as buf does, and "unknown" apart from "incompatible",
 * as users of the Pact Broker ask. Any non-zero code means "do not deploy".
 */
import type { Report } from './findings.js';

export const EXIT = {
  /** Every check passed. */
  ok: 0,
  /** A check failed: incompatible, refused by the registry, or a verification failed. */
  failed: 1,
  /** Nothing failed, but a check could not be decided (e.g. no verification recorded yet). */
  unknown: 2,
  /** The registry could not be reached or answered an unexpected error; the tool itself failed. */
  error: 3,
  /** The command line (or a file it names) is wrong: sysexits' EX_USAGE. */
  usage: 64,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A definite failure wins (retrying will not help), then an error (the report
 * is incomplete; retrying may), then unknown.
 */
export function exitCodeOf(report: Report): ExitCode {
  const statuses = new Set(report.results.map((r) => r.status));
  if (statuses.has('fail')) return EXIT.failed;
  if (statuses.has('error')) return EXIT.error;
  if (statuses.has('unknown')) return EXIT.unknown;
  return EXIT.ok;
}

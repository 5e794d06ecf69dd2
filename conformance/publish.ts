/**
 * What `--publish` records in the registry (`POST
 * /contract-registry/v1/verifications`, this registry's own resource): one
 * verdict per contract version with each scenario's status, under the
 * consumer's name and version — what a deploy gate later asks for, as the
 * Pact Broker's verification results are. The registry derives the
 * verdicts from the statuses.
 */
import type { ConformanceReport } from './report.js';

export interface VerificationBody {
  subject: string;
  consumer: string;
  consumerVersion: string;
  seed: string;
  tool: string;
  versions: Array<{ version: number; schemaId: number; scenarios: Array<{ scenario: string; status: 'pass' | 'fail' | 'skipped' }> }>;
}

export function verificationBody(report: ConformanceReport, consumer: string, consumerVersion: string): VerificationBody {
  return {
    subject: report.subject,
    consumer,
    consumerVersion,
    seed: String(report.seed),
    tool: report.tool,
    versions: report.versions.map((v) => ({
      version: v.version,
      schemaId: v.schemaId,
      scenarios: report.cells.filter((c) => c.version === v.version).map((c) => ({ scenario: c.scenario, status: c.status })),
    })),
  };
}

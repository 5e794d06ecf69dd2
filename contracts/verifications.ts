/**
 * The persistence port of replica conformance verifications: what
 * `creg conform --publish` records, and what a deploy gate later asks ("did
 * consumer C at version V prove it reads every version of subject S?").
 * Modelled on the Pact Broker's verification results
 * (pact_broker `lib/pact_broker/domain/verification.rb`): one run, by one
 * consumer version, with a verdict per subject version. Kept apart from
 * `Store`, which speaks only Confluent's resources; a store that keeps
 * verifications implements both.
 */

/** What the checker says of one scenario at one subject version. */
export type ScenarioStatus = 'pass' | 'fail' | 'skipped';

export const SCENARIO_STATUSES: readonly ScenarioStatus[] = ['pass', 'fail', 'skipped'];

export interface ScenarioVerdict {
  scenario: string;
  status: ScenarioStatus;
}

/** One subject version of a run: its verdict, and each scenario's. */
export interface VerifiedVersion {
  version: number;
  schemaId: number;
  /** True when every scenario at this version passed. */
  success: boolean;
  scenarios: ScenarioVerdict[];
}

/** One published run of the conformance checker. */
export interface Verification {
  /** Assigned by the registry when the run is recorded (a UUID). */
  id: string;
  subject: string;
  consumer: string;
  consumerVersion: string;
  /** True when every version's verdict is a success. */
  success: boolean;
  /** The checker's seed, so that the run can be repeated. */
  seed?: string;
  /** The checker that produced the run, e.g. `creg 0.1.0`. */
  tool?: string;
  /** When the registry recorded the run, epoch milliseconds. */
  ts: number;
  versions: VerifiedVersion[];
}

export interface VerificationFilter {
  subject?: string;
  version?: number;
  consumer?: string;
  consumerVersion?: string;
}

export interface VerificationStore {
  insertVerification(verification: Verification): Promise<void>;
  verificationById(id: string): Promise<Verification | undefined>;
  /** Runs matching every given criterion, newest first; a `version` keeps only that version's verdict. */
  verifications(filter: VerificationFilter): Promise<Verification[]>;
}

export function isVerificationStore(store: unknown): store is VerificationStore {
  const candidate = store as Partial<VerificationStore> | null | undefined;
  return (
    typeof candidate?.insertVerification === 'function' &&
    typeof candidate.verificationById === 'function' &&
    typeof candidate.verifications === 'function'
  );
}

/**
 * Use cases of conformance verifications (`../verifications.ts`): record a
 * run that `creg conform --publish` sends, read one, list them. A run may only
 * name subject versions the registry holds (soft-deleted ones included: data
 * written with them may still be on the topic), with the schema ids they
 * have, so that a verdict always points at a schema that exists. A version's
 * verdict is derived from its scenarios (no `fail` = success), never taken
 * from the client. Not part of Confluent's API, hence not in the `Registry`
 * table of bound use cases: the routes build these from the registry's store.
 */
import { randomUUID } from 'node:crypto';
import { errors } from '../errors.js';
import type { Store } from '../store.js';
import {
  isVerificationStore,
  type ScenarioVerdict,
  type Verification,
  type VerificationFilter,
  type VerificationStore,
} from '../verifications.js';

/** What a client sends to record a run. */
export interface VerificationRequest {
  subject: string;
  consumer: string;
  consumerVersion: string;
  seed?: string;
  tool?: string;
  versions: Array<{ version: number; schemaId: number; scenarios: ScenarioVerdict[] }>;
}

export interface Verifications {
  record(request: VerificationRequest): Promise<Verification>;
  get(id: string): Promise<Verification>;
  list(filter: VerificationFilter): Promise<Verification[]>;
}

export function createVerifications(store: Store, now: () => number = Date.now): Verifications {
  const verificationStore = (): VerificationStore => {
    if (!isVerificationStore(store)) throw errors.notFound('This registry does not keep conformance verifications');
    return store;
  };
  return {
    async record(request) {
      const target = verificationStore();
      await assertVersionsExist(store, request);
      const versions = request.versions.map((v) => ({
        version: v.version,
        schemaId: v.schemaId,
        success: v.scenarios.every((s) => s.status !== 'fail'),
        scenarios: v.scenarios,
      }));
      const verification: Verification = {
        id: randomUUID(),
        subject: request.subject,
        consumer: request.consumer,
        consumerVersion: request.consumerVersion,
        success: versions.every((v) => v.success),
        ...(request.seed !== undefined && { seed: request.seed }),
        ...(request.tool !== undefined && { tool: request.tool }),
        ts: now(),
        versions,
      };
      await target.insertVerification(verification);
      return verification;
    },
    async get(id) {
      const found = await verificationStore().verificationById(id);
      if (!found) throw errors.notFound(`Verification ${id} not found`);
      return found;
    },
    list: (filter) => verificationStore().verifications(filter),
  };
}

async function assertVersionsExist(store: Store, request: VerificationRequest): Promise<void> {
  const known = await store.subjectVersions(request.subject);
  if (known.length === 0) throw errors.subjectNotFound(request.subject);
  const seen = new Set<number>();
  for (const { version, schemaId } of request.versions) {
    if (seen.has(version)) throw errors.unprocessable(`Version ${version} appears more than once`);
    seen.add(version);
    const found = known.find((v) => v.version === version);
    if (!found) throw errors.versionNotFound(version);
    if (found.schemaId !== schemaId) {
      throw errors.unprocessable(
        `Version ${version} of subject '${request.subject}' has schema id ${found.schemaId}, not ${schemaId}`,
      );
    }
  }
}

/**
 * What must hold of a registry after concurrent registrations, checked on a
 * node's snapshot: every acknowledged registration is there under the id and
 * version it was acknowledged with; one schema has one id, one id one schema;
 * ids run 1..N and each subject's versions 1..n, without a gap, and no
 * schema appears twice in a subject.
 */
import assert from 'node:assert/strict';
import type { Acknowledged } from './registration-load.js';
import type { RegistrySnapshot } from './registry-snapshot.js';

export interface Counts {
  acknowledged: number;
  subjects: number;
  versions: number;
  ids: number;
}

export function assertRegistrations(acknowledged: Acknowledged[], snap: RegistrySnapshot): Counts {
  for (const ack of acknowledged) {
    const stored = snap.byVersion[`${ack.subject}@${ack.version}`];
    assert.ok(stored, `registration ${ack.index} acknowledged as ${ack.subject} v${ack.version} is missing`);
    assert.equal(stored.id, ack.id, `registration ${ack.index}: ${ack.subject} v${ack.version} has another id`);
    assert.equal(stored.schema, ack.schema, `registration ${ack.index}: ${ack.subject} v${ack.version} has another schema`);
  }

  const idOfSchema = new Map<string, number>();
  const schemaOfId = new Map<number, string>();
  for (const answer of Object.values(snap.byVersion)) {
    const id = idOfSchema.get(answer.schema) ?? answer.id;
    assert.equal(answer.id, id, `one schema under two ids (${id}, ${answer.id})`);
    const schema = schemaOfId.get(answer.id) ?? answer.schema;
    assert.equal(answer.schema, schema, `two schemas under id ${answer.id}`);
    idOfSchema.set(answer.schema, id);
    schemaOfId.set(answer.id, schema);
  }
  const ids = Object.keys(snap.byId).map(Number);
  assert.deepEqual(ids, Array.from({ length: snap.firstMissingId - 1 }, (_, i) => i + 1), 'ids have a gap');
  assert.deepEqual([...schemaOfId.keys()].sort((a, b) => a - b), ids, 'an id no version uses, or a version with an unknown id');

  let versions = 0;
  for (const subject of snap.subjects) {
    const numbers = snap.versions[subject]!;
    assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => i + 1), `${subject}: versions have a gap`);
    const schemas = numbers.map((v) => snap.byVersion[`${subject}@${v}`]!.schema);
    assert.equal(new Set(schemas).size, schemas.length, `${subject}: one schema under two versions`);
    versions += numbers.length;
  }
  return { acknowledged: acknowledged.length, subjects: snap.subjects.length, versions, ids: ids.length };
}

/**
 * A registered version the replica's reader schema cannot read (here v1's
 * `n` is an int and the reader's, v2's, a string: written as files, where no
 * registry checked compatibility) fails `readable` at that version, saying
 * so, however the replica answers; its other cells are skipped as blocked.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import avro from 'avsc';
import { contractFromFiles, runConformance } from '../../conformance/index.js';
import type { ReplicaAttachment, ReplicaSession } from '../../conformance/replica/attachment.js';
import type { SchemaDirectory } from '../../conformance/replica/schema-directory.js';
import { unframe } from '../../contracts/wire-format.js';

const dir = mkdtempSync(join(tmpdir(), 'creg-unreadable-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const schema = (type: string) => JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'id', type: 'string' }, { name: 'n', type }] });
writeFileSync(join(dir, 'v1.avsc'), schema('int'));
writeFileSync(join(dir, 'v2.avsc'), schema('string'));
writeFileSync(join(dir, 'contract.json'), JSON.stringify({ subject: 'r-value', metadata: { properties: { 'ecst.key': 'id' } } }));

/** A correct replica that reads with v2, and throws for data it cannot resolve. */
function attachment(directory: SchemaDirectory): ReplicaAttachment {
  const reader = avro.Type.forSchema(JSON.parse(schema('string')));
  const context = directory.context();
  const open = async (): Promise<ReplicaSession> => {
    const states = new Map<string, unknown>();
    const sequences = new Map<string, number>();
    return {
      async apply(message) {
        try {
          let state: unknown = null;
          if (message.value !== null) {
            const { schemaId, payload } = unframe(message.value);
            const writer = avro.Type.forSchema(JSON.parse(context.schemaById(schemaId)!.schema));
            state = reader.fromBuffer(payload, reader.createResolver(writer));
          }
          const sequence = Number(message.headers['ecst-sequence']);
          if (sequence <= (sequences.get(message.key) ?? 0)) return { ok: true };
          sequences.set(message.key, sequence);
          if (state === null) states.delete(message.key);
          else states.set(message.key, state);
          return { ok: true };
        } catch (error) {
          return { ok: false, error: (error as Error).message };
        }
      },
      get: async (key) => (states.has(key) ? { present: true, state: states.get(key) } : { present: false }),
      close: async () => {},
    };
  };
  return { description: 'in-test', isolated: true, resolvesScratchSchemas: true, declaration: async () => ({}), open, close: async () => {} };
}

it('fails readable at the version the reader cannot read, naming the reader, and blocks its row', async () => {
  const contract = await contractFromFiles(dir);
  const report = await runConformance({ contract, attach: async (directory) => attachment(directory), seed: 1, scenarios: undefined });
  const failed = report.cells.filter((c) => c.status === 'fail');
  assert.deepEqual(failed.map((c) => `${c.scenario}@v${c.version}`), ['readable@v1']);
  assert.match(failed[0]!.failures[0]!.message, /^Reader version 2 cannot read v1 \(.+\): data written with it cannot be consumed$/);
  assert.ok(report.cells.filter((c) => c.version === 1 && c.scenario !== 'readable').every((c) => c.status === 'skipped'));
  assert.ok(report.cells.filter((c) => c.version === 2).every((c) => c.status === 'pass'), JSON.stringify(report.cells.filter((c) => c.version === 2 && c.status !== 'pass')));
});

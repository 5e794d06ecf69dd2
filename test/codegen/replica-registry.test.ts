/**
 * The generated replica on its own: a writer schema id the code was not
 * generated with (a newer producer's version) is fetched from `registryUrl`
 * (`GET /schemas/ids/{id}`, with the configured headers) once, and read as
 * the latest version; an id the registry does not hold is poison, refused
 * with a typed error that changes nothing; `fields` keeps a projection and
 * `onChange` sees each applied change, not the ignored ones.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import avro from 'avsc';
import type { Replica as RuntimeReplica } from '../../codegen/runtime/replica.js';
import { generate } from '../../codegen/index.js';
import type { Replica as CheckerReplica } from '../../conformance/index.js';
import { frame } from '../../contracts/wire-format.js';
import { startTestServer, type TestServer } from '../support/registry-server.js';
import { compileGenerated, type CompiledOutput } from './support/compiled-output.js';
import { register } from './support/registry.js';

const fixture = (version: number) => readFileSync(new URL(`../conformance/fixtures/contracts/account-value/v${version}.avsc`, import.meta.url), 'utf8');
const ECST = { properties: { 'ecst.key': 'account_id', 'ecst.sequence': 'header:ecst-sequence' } };

/** A v4 only the registry knows: v3 plus a field the replica's code has never seen. */
const V4 = (() => {
  const v3 = JSON.parse(fixture(3)) as { fields: object[] };
  return JSON.stringify({ ...v3, fields: [...v3.fields, { name: 'region', type: 'string', default: 'eu' }] });
})();

interface Message {
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
}
interface Replica {
  apply(message: Message): Promise<'applied' | 'ignored'>;
  get(key: string): Promise<Record<string, unknown> | undefined>;
  close(): Promise<void>;
  fields?: readonly string[];
}
interface AccountModule {
  createReplica(options: object): Promise<Replica>;
  toMessage(state: object, sequence: number): Message;
  tombstone(key: string, sequence: number): Message;
}

/** A checker replica by construction: `npm run typecheck` fails if the runtime's replica stops being one. */
export const asCheckerReplica = (replica: RuntimeReplica<{ id: string }>): CheckerReplica => replica;

describe('the generated replica and the registry', () => {
  let server: TestServer;
  let proxy: Server;
  let proxyUrl: string;
  const seen: { url: string; authorization: string | undefined }[] = [];
  let out: CompiledOutput;
  let account: AccountModule;
  let v4Id: number;

  before(async () => {
    server = await startTestServer();
    const ids: number[] = [];
    for (const version of [1, 2, 3]) ids.push(await register(server.url, 'account-value', fixture(version), 'AVRO', ECST));
    v4Id = await register(server.url, 'account-value', V4, 'AVRO', ECST);
    // Between the replica and the registry: records what the replica asks, with which headers.
    proxy = createServer((req, res) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
      fetch(`${server.url}${req.url}`).then(async (answer) => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(await answer.text());
      }, (error: Error) => res.writeHead(502).end(error.message));
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const contract = {
      subject: 'account-value',
      versions: [1, 2, 3].map((version, i) => ({ version, id: ids[i]!, schemaType: 'AVRO' as const, schema: fixture(version), references: [], ...(version === 3 ? { metadata: ECST } : {}) })),
    };
    out = compileGenerated(generate([contract]).files, 'replica-registry');
    assert.equal(out.diagnostics, '');
    account = await out.load<AccountModule>('account-value');
  });
  after(async () => {
    out?.dispose();
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.dispose();
  });

  const v4Message = (key: string, sequence: number): Message => ({
    key,
    value: frame(v4Id, avro.Type.forSchema(JSON.parse(V4)).toBuffer({ account_id: key, owner: 'Zoe', status: 'FROZEN', balance: 5, labels: {}, nickname: null, rate: 0, token: Buffer.alloc(4), region: 'us' })),
    headers: { 'ecst-sequence': String(sequence) },
  });

  test('fetches an unknown id from registryUrl with the headers, once, and reads it as the latest', async () => {
    const changes: unknown[] = [];
    const replica = await account.createReplica({
      registryUrl: proxyUrl,
      headers: { Authorization: 'Bearer t0ken' },
      fields: ['account_id', 'owner', 'status'],
      onChange: (change: unknown) => void changes.push(change),
    });
    assert.deepEqual(replica.fields, ['account_id', 'owner', 'status']);
    assert.equal(await replica.apply(v4Message('a-1', 1)), 'applied');
    assert.equal(await replica.apply(v4Message('a-2', 1)), 'applied');
    assert.equal(await replica.apply(v4Message('a-1', 1)), 'ignored', 'a redelivery');
    assert.deepEqual({ ...(await replica.get('a-1')) }, { account_id: 'a-1', owner: 'Zoe', status: 'FROZEN' });
    assert.deepEqual(seen.map((s) => [s.url, s.authorization]), [[`/schemas/ids/${v4Id}`, 'Bearer t0ken']]);

    assert.equal(await replica.apply(account.tombstone('a-1', 2)), 'applied');
    assert.equal(await replica.apply(account.toMessage({ account_id: 'a-1', owner: 'Old', status: 'OPEN' }, 1)), 'ignored', 'stale after the delete');
    assert.equal(await replica.get('a-1'), undefined);
    assert.equal(await replica.apply(account.toMessage({ account_id: 'a-1', owner: 'New', status: 'OPEN' }, 3)), 'applied', 'a newer re-create');
    assert.equal((await replica.get('a-1'))?.['owner'], 'New');
    assert.deepEqual(
      changes.map((c) => { const { kind, key, sequence } = c as { kind: string; key: string; sequence: bigint }; return `${kind} ${key} ${sequence}`; }),
      ['upsert a-1 1', 'upsert a-2 1', 'delete a-1 2', 'upsert a-1 3'],
    );
    await replica.close();
  });

  test('refuses an id the registry does not hold with a PoisonMessageError, changing nothing', async () => {
    const replica = await account.createReplica({ registryUrl: proxyUrl });
    await replica.apply(account.toMessage({ account_id: 'p-1', owner: 'Kept', status: 'OPEN' }, 1));
    const poison = v4Message('p-1', 2);
    poison.value!.writeInt32BE(999_999, 1);
    await assert.rejects(replica.apply(poison), (error: Error & { reason?: string; key?: string }) => {
      assert.equal(error.name, 'PoisonMessageError');
      assert.equal(error.reason, 'unknown-schema');
      assert.equal(error.key, 'p-1');
      return true;
    });
    await assert.rejects(replica.apply({ key: 'p-1', value: Buffer.alloc(0), headers: { 'ecst-sequence': '3' } }), { name: 'PoisonMessageError', reason: 'undecodable' });
    await assert.rejects(replica.apply({ ...account.toMessage({ account_id: 'p-1', owner: 'X', status: 'OPEN' }, 1), headers: {} }), { name: 'PoisonMessageError', reason: 'not-ecst' });
    assert.equal((await replica.get('p-1'))?.['owner'], 'Kept');
    assert.equal(await replica.apply(account.toMessage({ account_id: 'p-1', owner: 'Next', status: 'OPEN' }, 4)), 'applied', 'and goes on');
    await replica.close();
  });
});

/**
 * The registry-client commands (`subjects`, `versions`, `get`, `references`,
 * `config`, `mode`, `delete`), built, in a child process, against a registry
 * started in-process over a temporary SQLite file: an Avro schema and one
 * referencing it, each command in text and `--json`, an unknown subject
 * (exit 1 with Confluent's 40401 and its message), a subject without its own
 * config (40408, exit 1), set then get, a soft delete then a permanent one,
 * an unreachable registry (exit 3), usage errors (exit 64), and credentials
 * against a secured registry (as `register` takes them; 401 is exit 3).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { stringify as stringifyYaml } from 'yaml';
import { createRegistryClient, type RegistryClient } from '../../client/registry-client.js';
import { startServer, type RunningServer } from '../../cli/server.js';
import { hashPassword } from '../../security/passwords.js';
import { creg, refusedUrl, shown } from './run-creg.js';

const SHOP = 'test/cli/fixtures/shop';
const ADDRESS = 'address-value';
const CUSTOMER = 'customer-value';
const PASSWORD = 'bob: a password long enough';

let dir: string;
let server: RunningServer;
let secured: RunningServer;
let client: RegistryClient;
let ids: { address: number; customer: number };

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'creg-client-cli-'));
  const logger = pino({ level: 'silent' });
  const authFile = join(dir, 'auth.yaml');
  await writeFile(
    authFile,
    stringifyYaml({
      users: [{ name: 'bob', passwordHash: await hashPassword(PASSWORD) }],
      rules: [{ principals: ['bob'], operations: ['read', 'write', 'config_read'], subjectPrefixes: [''] }, { principals: ['bob'], operations: ['config_read'], global: true }],
    }),
  );
  [server, secured] = await Promise.all([
    startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 'registry.db')}`, logger }),
    startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(dir, 'secured.db')}`, logger, authFile }),
  ]);
  client = createRegistryClient({ baseUrl: server.url });
  const address = await client.register(ADDRESS, { schemaType: 'AVRO', schema: await readFile(`${SHOP}/address.avsc`, 'utf8') });
  const customer = await client.register(CUSTOMER, {
    schemaType: 'AVRO',
    schema: await readFile(`${SHOP}/customer.avsc`, 'utf8'),
    references: [{ name: 'com.example.shop.Address', subject: ADDRESS, version: 1 }],
  });
  assert.ok(address.data && customer.data, JSON.stringify([address.error, customer.error]));
  ids = { address: address.data.id, customer: customer.data.id };
  const securedClient = createRegistryClient({ baseUrl: secured.url, auth: { username: 'bob', password: PASSWORD } });
  assert.ok((await securedClient.register(ADDRESS, { schemaType: 'AVRO', schema: await readFile(`${SHOP}/address.avsc`, 'utf8') })).data);
});

after(async () => {
  await Promise.all([server?.close(), secured?.close()]);
  await rm(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => creg([...args, '--registry', server.url]);
const json = (stdout: string) => JSON.parse(stdout) as unknown;
const NOT_FOUND = /^creg get: registry answered 404 \(error code 40401\): Subject 'nobody-value' not found\.$/m;

describe('creg subjects and versions', () => {
  test('subjects lists them, one a line; --prefix narrows; --json is the array', async () => {
    const [all, prefixed, asJson] = await Promise.all([run('subjects'), run('subjects', '--prefix', 'cust'), run('subjects', '--json')]);
    assert.equal(all.code, 0, shown(all));
    assert.equal(all.stdout, `${ADDRESS}\n${CUSTOMER}\n`);
    assert.equal(prefixed.stdout, `${CUSTOMER}\n`);
    assert.deepEqual(json(asJson.stdout), [ADDRESS, CUSTOMER]);
  });

  test('versions lists the version numbers; an unknown subject is exit 1 with 40401', async () => {
    const [versions, asJson, unknown] = await Promise.all([run('versions', CUSTOMER), run('versions', CUSTOMER, '--json'), run('versions', 'nobody-value')]);
    assert.equal(versions.code, 0, shown(versions));
    assert.equal(versions.stdout, '1\n');
    assert.deepEqual(json(asJson.stdout), [1]);
    assert.equal(unknown.code, 1, shown(unknown));
    assert.match(unknown.stderr, /^creg versions: registry answered 404 \(error code 40401\): Subject 'nobody-value' not found\.$/m);
  });
});

describe('creg get and references', () => {
  test('get SUBJECT prints the latest schema text; @1 and --id N the same one', async () => {
    const [latest, one, byId] = await Promise.all([run('get', CUSTOMER), run('get', `${CUSTOMER}@1`), run('get', '--id', String(ids.customer))]);
    assert.equal(latest.code, 0, shown(latest));
    assert.equal(JSON.parse(latest.stdout).name, 'Customer');
    assert.equal(one.stdout, latest.stdout);
    assert.equal(byId.code, 0, shown(byId));
    assert.equal(byId.stdout, latest.stdout);
  });

  test('get --json is the whole entity, references included', async () => {
    const [entity, byId] = await Promise.all([run('get', `${CUSTOMER}@latest`, '--json'), run('get', '--id', String(ids.customer), '--json')]);
    assert.equal(entity.code, 0, shown(entity));
    const parsed = json(entity.stdout) as Record<string, unknown>;
    assert.equal(parsed.subject, CUSTOMER);
    assert.equal(parsed.version, 1);
    assert.equal(parsed.id, ids.customer);
    assert.equal(parsed.schemaType, 'AVRO');
    assert.deepEqual(parsed.references, [{ name: 'com.example.shop.Address', subject: ADDRESS, version: 1 }]);
    const parsedById = json(byId.stdout) as Record<string, unknown>;
    assert.equal(parsedById.id, ids.customer);
    assert.deepEqual(parsedById.references, parsed.references);
  });

  test('an unknown subject, version or id is exit 1 with Confluent error code and message; --json gives them on stdout', async () => {
    const [subject, subjectJson, version, id] = await Promise.all([
      run('get', 'nobody-value'),
      run('get', 'nobody-value', '--json'),
      run('get', `${CUSTOMER}@9`),
      run('get', '--id', '999'),
    ]);
    assert.equal(subject.code, 1, shown(subject));
    assert.match(subject.stderr, NOT_FOUND);
    assert.equal(subject.stdout, '');
    assert.equal(subjectJson.code, 1, shown(subjectJson));
    assert.deepEqual(json(subjectJson.stdout), { error_code: 40401, message: "Subject 'nobody-value' not found.", status: 404 });
    assert.equal(version.code, 1, shown(version));
    assert.match(version.stderr, /\(error code 40402\): Version 9 not found\.$/m);
    assert.equal(id.code, 1, shown(id));
    assert.match(id.stderr, /\(error code 40403\): Schema 999 not found$/m);
  });

  test('references lists the ids of the schemas referencing the version', async () => {
    const [text, asJson, none] = await Promise.all([run('references', `${ADDRESS}@1`), run('references', `${ADDRESS}@1`, '--json'), run('references', `${CUSTOMER}@1`)]);
    assert.equal(text.code, 0, shown(text));
    assert.equal(text.stdout, `${ids.customer}\n`);
    assert.deepEqual(json(asJson.stdout), [ids.customer]);
    assert.equal(none.code, 0, shown(none));
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /no schema references customer-value version 1/);
  });
});

describe('creg config and mode', () => {
  test('config get: the global level; a subject without its own is exit 1 (40408) unless --default-to-global', async () => {
    const [global, own, effective] = await Promise.all([run('config', 'get'), run('config', 'get', CUSTOMER), run('config', 'get', CUSTOMER, '--default-to-global', '--json')]);
    assert.equal(global.code, 0, shown(global));
    assert.match(global.stdout, /^compatibilityLevel: BACKWARD$/m);
    assert.equal(own.code, 1, shown(own));
    assert.match(own.stderr, /\(error code 40408\): Subject 'customer-value' does not have subject-level compatibility configured$/m);
    assert.match(own.stderr, /has no compatibility config of its own: the global one applies/);
    assert.equal(effective.code, 0, shown(effective));
    assert.equal((json(effective.stdout) as { compatibilityLevel: string }).compatibilityLevel, 'BACKWARD');
  });

  test('config set, then get: the subject level, and normalize', async () => {
    const set = await run('config', 'set', CUSTOMER, '--compatibility', 'full_transitive', '--normalize', 'true');
    assert.equal(set.code, 0, shown(set));
    assert.match(set.stdout, /^subject customer-value config set$/m);
    const got = await run('config', 'get', CUSTOMER, '--json');
    assert.equal(got.code, 0, shown(got));
    assert.deepEqual(json(got.stdout), { compatibilityLevel: 'FULL_TRANSITIVE', normalize: true });
    const global = await run('config', 'set', '--compatibility', 'NONE', '--json');
    assert.equal(global.code, 0, shown(global));
    assert.equal((json(global.stdout) as { compatibility: string }).compatibility, 'NONE');
    assert.match((await run('config', 'get')).stdout, /^compatibilityLevel: NONE$/m);
    assert.equal((await run('config', 'set', '--compatibility', 'BACKWARD')).code, 0);
  });

  test('config set needs something to set, and a known level (exit 64)', async () => {
    const [nothing, level, normalize] = await Promise.all([
      run('config', 'set', CUSTOMER),
      run('config', 'set', '--compatibility', 'SIDEWAYS'),
      run('config', 'set', '--normalize', 'yes'),
    ]);
    for (const r of [nothing, level, normalize]) assert.equal(r.code, 64, shown(r));
    assert.match(nothing.stderr, /give --compatibility or --normalize/);
    assert.match(level.stderr, /not a compatibility level/);
  });

  test('mode: get the global, set a subject then get it, and set the global back', async () => {
    const global = await run('mode', 'get');
    assert.equal(global.code, 0, shown(global));
    assert.equal(global.stdout, 'READWRITE\n');
    const none = await run('mode', 'get', ADDRESS);
    assert.equal(none.code, 1, shown(none));
    assert.match(none.stderr, /\(error code 40409\)/);
    assert.equal((await run('mode', 'get', ADDRESS, '--default-to-global')).stdout, 'READWRITE\n');

    const set = await run('mode', 'set', ADDRESS, 'readonly');
    assert.equal(set.code, 0, shown(set));
    assert.equal(set.stdout, 'subject address-value mode set: READONLY\n');
    assert.deepEqual(json((await run('mode', 'get', ADDRESS, '--json')).stdout), { mode: 'READONLY' });
    assert.equal((await run('mode', 'set', ADDRESS, 'READWRITE')).code, 0);

    const globalSet = await run('mode', 'set', 'READONLY', '--json');
    assert.equal(globalSet.code, 0, shown(globalSet));
    assert.deepEqual(json(globalSet.stdout), { mode: 'READONLY' });
    assert.equal((await run('mode', 'set', 'READWRITE')).stdout, 'global mode set: READWRITE\n');
    assert.equal((await run('mode', 'set', ADDRESS, 'SIDEWAYS')).code, 64);
  });
});

describe('creg delete', () => {
  test('a version another schema references is refused: exit 1 with 42206, nothing deleted', async () => {
    const referenced = await run('delete', `${ADDRESS}@1`);
    assert.equal(referenced.code, 1, shown(referenced));
    assert.match(referenced.stderr, /^creg delete: registry answered 422 \(error code 42206\): One or more references exist to the schema /m);
    assert.equal((await run('versions', ADDRESS)).stdout, '1\n');
  });

  test('a soft delete of a version, then a permanent one; the subject itself, soft then permanent in one go', async () => {
    assert.ok((await client.register(CUSTOMER, { schemaType: 'AVRO', schema: await readFile(`${SHOP}/customer.avsc`, 'utf8'), references: [{ name: 'com.example.shop.Address', subject: ADDRESS, version: 1 }], metadata: { properties: { owner: 'shop' } } })).data);
    assert.deepEqual((await client.versions(CUSTOMER)).data, [1, 2]);

    const soft = await run('delete', `${CUSTOMER}@2`);
    assert.equal(soft.code, 0, shown(soft));
    assert.equal(soft.stdout, 'soft-deleted customer-value version 2\n');
    assert.equal((await run('versions', CUSTOMER)).stdout, '1\n');
    assert.equal((await run('versions', CUSTOMER, '--deleted')).stdout, '1\n2\n');

    const hard = await run('delete', `${CUSTOMER}@2`, '--permanent', '--json');
    assert.equal(hard.code, 0, shown(hard));
    assert.deepEqual(json(hard.stdout), { subject: CUSTOMER, permanent: true, softDeletedFirst: [], versions: [2] });
    assert.equal((await run('versions', CUSTOMER, '--deleted')).stdout, '1\n');

    // Still referenced by nothing: the whole subject, live, goes in one command, soft-deleted first.
    const whole = await run('delete', CUSTOMER, '--permanent');
    assert.equal(whole.code, 0, shown(whole));
    assert.match(whole.stdout, /^soft-deleted subject customer-value \(versions 1\) first/m);
    assert.match(whole.stdout, /^permanently deleted subject customer-value \(versions 1\)$/m);
    assert.equal((await run('subjects', '--deleted')).stdout, `${ADDRESS}\n`);
    assert.equal((await run('references', `${ADDRESS}@1`)).stdout, '');
  });

  test('deleting an unknown subject is exit 1 with 40401', async () => {
    const gone = await run('delete', 'nobody-value', '--permanent');
    assert.equal(gone.code, 1, shown(gone));
    assert.match(gone.stderr, /^creg delete: registry answered 404 \(error code 40401\): Subject 'nobody-value' not found\.$/m);
  });
});

describe('creg client commands: registry unreachable, usage, credentials', () => {
  test('an unreachable registry is exit 3', async () => {
    const url = await refusedUrl();
    const r = await creg(['subjects', '--registry', url]);
    assert.equal(r.code, 3, shown(r));
    assert.match(r.stderr, /^creg subjects: registry unreachable: /m);
  });

  test('usage errors are exit 64', async () => {
    const [neither, both, badId, noRegistry] = await Promise.all([
      run('get'),
      run('get', CUSTOMER, '--id', '1'),
      run('get', '--id', 'one'),
      creg(['subjects']),
    ]);
    for (const r of [neither, both, badId, noRegistry]) assert.equal(r.code, 64, shown(r));
    assert.match(neither.stderr, /give SUBJECT\[@VERSION\] or --id N/);
  });

  test('against a secured registry: with --username/--password it answers; without, exit 3 naming the 401', async () => {
    const [signedIn, anonymous] = await Promise.all([
      creg(['get', ADDRESS, '--json', '--registry', secured.url, '--username', 'bob', '--password', PASSWORD]),
      creg(['subjects', '--registry', secured.url]),
    ]);
    assert.equal(signedIn.code, 0, shown(signedIn));
    assert.equal((json(signedIn.stdout) as { subject: string }).subject, ADDRESS);
    assert.equal(anonymous.code, 3, shown(anonymous));
    assert.match(anonymous.stderr, /registry answered 401 \(error code 401\): Unauthorized$/m);
  });
});

describe('creg client commands --help', () => {
  const COMMANDS = [['subjects'], ['versions'], ['get'], ['references'], ['config', 'get'], ['config', 'set'], ['mode', 'get'], ['mode', 'set'], ['delete']];
  test('each shows the registry options, --json, examples and its exit codes (exit 0)', async () => {
    const runs = await Promise.all(COMMANDS.map((command) => creg([...command, '--help'])));
    runs.forEach((r, i) => {
      const name = COMMANDS[i]!.join(' ');
      assert.equal(r.code, 0, shown(r));
      assert.match(r.stdout, new RegExp(`^Usage: creg ${name} `));
      assert.match(r.stdout, /\(env: CREG_REGISTRY_URL\)/);
      assert.match(r.stdout, /\(env: CREG_REGISTRY_TOKEN\)/);
      assert.match(r.stdout, /^ {2}--json /m);
      assert.match(r.stdout, new RegExp(`\\nExamples:\\n  creg ${name} `));
      assert.match(r.stdout, /Exit codes: 0 .*, 64 usage error\./);
    });
  });
});

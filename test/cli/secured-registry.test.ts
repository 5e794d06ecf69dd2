/**
 * The built `creg` commands that talk to a registry, against a registry
 * started with an auth file (`startServer` with `authFile`, as
 * `creg serve --auth-file` runs it): a user signing in with a password and
 * an API token, granted read, write, verify and deploy on the subjects
 * starting `account-`, and config_read. `register`, `check`, `codegen` and
 * `record-deployment` work with `--username/--password`, with `--token
 * KEY.SECRET` (sent as Bearer), and from the environment; without
 * credentials, or with wrong ones, each fails with the exit code it
 * documents and a message naming the 401; a caller without a right is told
 * which operation it was denied (403).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { stringify as stringifyYaml } from 'yaml';
import { createRegistryClient } from '../../client/registry-client.js';
import { startServer, type RunningServer } from '../../cli/server.js';
import { hashPassword, hashSecret, randomSecret } from '../../security/passwords.js';
import { creg, shown, type CregRun } from './run-creg.js';

const PASSWORD = 'alice: correct horse battery staple';
const TOKEN_KEY = 'ci-publisher';
const TOKEN_SECRET = randomSecret();
/** A token granted everything but config_read on the subjects, which `creg check` needs. */
const NARROW_KEY = 'narrow';
const NARROW_SECRET = randomSecret();

let dir: string;
let server: RunningServer;
let schemas: { v1: string; v2: string; incompatible: string };

const ACCOUNT_V1 = { type: 'record', name: 'Account', namespace: 'com.example.accounts', fields: [{ name: 'account_id', type: 'string' }, { name: 'owner', type: 'string' }] };
const ACCOUNT_V2 = { ...ACCOUNT_V1, fields: [...ACCOUNT_V1.fields, { name: 'email', type: ['null', 'string'], default: null }] };
/** A new required field without a default: a reader of it cannot read version 1 (BACKWARD). */
const ACCOUNT_INCOMPATIBLE = { ...ACCOUNT_V1, fields: [...ACCOUNT_V1.fields, { name: 'tier', type: 'string' }] };

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'creg-secured-cli-'));
  const authFile = join(dir, 'auth.yaml');
  await writeFile(
    authFile,
    stringifyYaml({
      users: [{ name: 'alice', passwordHash: await hashPassword(PASSWORD) }],
      tokens: [
        { key: TOKEN_KEY, secretHash: hashSecret(TOKEN_SECRET), principal: 'ci' },
        { key: NARROW_KEY, secretHash: hashSecret(NARROW_SECRET) },
      ],
      rules: [
        { principals: ['alice', 'ci', NARROW_KEY], operations: ['read', 'write', 'verify', 'deploy'], subjectPrefixes: ['account-'] },
        { principals: ['alice', 'ci', NARROW_KEY], operations: ['config_read'], global: true },
        // `creg check` reads the subject's level (GET /config/{subject}?defaultToGlobal=true): config_read on the subject.
        { principals: ['alice', 'ci'], operations: ['config_read'], subjectPrefixes: ['account-'] },
      ],
    }),
  );
  schemas = { v1: join(dir, 'account-v1.avsc'), v2: join(dir, 'account-v2.avsc'), incompatible: join(dir, 'account-tier.avsc') };
  await writeFile(schemas.v1, JSON.stringify(ACCOUNT_V1, null, 2));
  await writeFile(schemas.v2, JSON.stringify(ACCOUNT_V2, null, 2));
  await writeFile(schemas.incompatible, JSON.stringify(ACCOUNT_INCOMPATIBLE, null, 2));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `file:${join(dir, 'registry.db')}`,
    logger: pino({ level: 'silent' }),
    authFile,
  });
});

after(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const output = (run: CregRun) => `${run.stdout}${run.stderr}`;
const registry = () => ['--registry', server.url];

/** The same commands, once per way of giving credentials; each on a subject of its own, so that each registers for real. */
const CREDENTIALS: Array<{ name: string; subject: string; args: () => string[]; env?: () => Record<string, string> }> = [
  { name: '--username/--password', subject: 'account-basic-value', args: () => ['--username', 'alice', '--password', PASSWORD] },
  { name: '--token KEY.SECRET (Bearer)', subject: 'account-token-value', args: () => ['--token', `${TOKEN_KEY}.${TOKEN_SECRET}`] },
  {
    name: 'CREG_REGISTRY_TOKEN',
    subject: 'account-env-token-value',
    args: () => [],
    env: () => ({ CREG_REGISTRY_URL: server.url, CREG_REGISTRY_TOKEN: `${TOKEN_KEY}.${TOKEN_SECRET}` }),
  },
  {
    name: 'the token as basic user and password (CREG_REGISTRY_USERNAME/PASSWORD)',
    subject: 'account-env-basic-value',
    args: () => [],
    env: () => ({ CREG_REGISTRY_URL: server.url, CREG_REGISTRY_USERNAME: TOKEN_KEY, CREG_REGISTRY_PASSWORD: TOKEN_SECRET }),
  },
];

for (const credentials of CREDENTIALS) {
  describe(`creg against a secured registry, with ${credentials.name}`, () => {
    const { subject } = credentials;
    const run = (args: string[]) => {
      const env = credentials.env?.();
      return creg([...args, ...(env ? [] : registry()), ...credentials.args()], env);
    };

    test('creg register registers (exit 0)', async () => {
      const registered = await run(['register', '--subject', subject, '--schema', schemas.v1, '--metadata', 'ecst.key=account_id', '--metadata', 'ecst.sequence=header:ecst-sequence']);
      assert.equal(registered.code, 0, shown(registered));
      assert.match(registered.stdout, new RegExp(`^PASS {4}${subject} register \\(.*\\): registered as version 1 \\(schema id \\d+\\)$`, 'm'));
    });

    test('creg check passes a compatible change and fails an incompatible one (exit 0, exit 1)', async () => {
      const compatible = await run(['check', '--subject', subject, '--schema', schemas.v2]);
      assert.equal(compatible.code, 0, shown(compatible));
      assert.match(compatible.stdout, new RegExp(`^PASS {4}${subject} compatibility \\(.*\\): compatible under BACKWARD with version 1$`, 'm'));

      const incompatible = await run(['check', '--subject', subject, '--schema', schemas.incompatible]);
      assert.equal(incompatible.code, 1, shown(incompatible));
      assert.match(incompatible.stdout, new RegExp(`^FAIL {4}${subject} compatibility \\(.*\\): incompatible under BACKWARD with version 1$`, 'm'));
      assert.match(incompatible.stdout, /'tier'/);
    });

    test('creg register registers the compatible change as version 2', async () => {
      const registered = await run(['register', '--subject', subject, '--schema', schemas.v2]);
      assert.equal(registered.code, 0, shown(registered));
      assert.match(registered.stdout, /registered as version 2 /);
    });

    test('creg codegen generates from the registry, and --check finds it fresh (exit 0)', async () => {
      const out = join(dir, `generated-${subject}`);
      const generated = await run(['codegen', '--subject', subject, '--out', out]);
      assert.equal(generated.code, 0, shown(generated));
      assert.match(generated.stdout, /updated \(\d+ files\)/);
      const files = await readdir(out, { recursive: true });
      assert.ok(files.some((file) => file.includes(subject.replace(/-value$/, '')) || file.includes(subject)), `${files.join(', ')}`);

      const fresh = await run(['codegen', '--subject', subject, '--out', out, '--check']);
      assert.equal(fresh.code, 0, shown(fresh));
      assert.match(fresh.stdout, /generated code is up to date/);
    });

    test('creg record-deployment records what the participant writes and reads (exit 0)', async () => {
      const participant = `${subject.replace(/-value$/, '')}-service`;
      const recorded = await run([
        'record-deployment',
        '--participant', participant,
        '--version', '1.0.0',
        '--env', 'production',
        '--produces', subject,
        '--consumes', 'account-basic-value',
        '--format', 'json',
      ]);
      assert.equal(recorded.code, 0, shown(recorded));
      const details = JSON.parse(recorded.stdout).results[0].details as { participant: string; environment: string; produces: unknown };
      assert.equal(details.participant, participant);
      assert.equal(details.environment, 'production');
      assert.deepEqual(details.produces, [{ subject, version: 2 }]);
    });
  });
}

describe('creg against a secured registry, without credentials or with wrong ones', () => {
  const subject = 'account-basic-value';
  /** What the registry answers a caller it does not know, as the commands report it. */
  const UNAUTHORIZED = /registry answered 401 \(error code 401\): Unauthorized$/m;

  test('the registry holds the subject (so that a refusal below is about credentials, not a missing subject)', async () => {
    const client = createRegistryClient({ baseUrl: server.url, auth: { username: 'alice', password: PASSWORD } });
    assert.deepEqual((await client.versions(subject)).data, [1, 2]);
    assert.equal((await createRegistryClient({ baseUrl: server.url }).versions(subject)).error?.kind, 'http');
  });

  test('creg register fails: exit 3 (registry error), naming the 401', async () => {
    const run = await creg(['register', '--subject', subject, '--schema', schemas.v2, ...registry()]);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stdout, new RegExp(`^ERROR {3}${subject} register \\(.*\\): registry answered 401 \\(error code 401\\): Unauthorized$`, 'm'));
  });

  test('creg check fails: exit 3 (registry error), naming the 401', async () => {
    const run = await creg(['check', '--subject', subject, '--schema', schemas.v2, ...registry()]);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stdout, new RegExp(`^ERROR {3}${subject} compatibility \\(.*\\): registry answered 401 \\(error code 401\\): Unauthorized$`, 'm'));
  });

  test('creg codegen fails: exit 3 (registry error), naming the 401, and writes nothing', async () => {
    const out = join(dir, 'generated-anonymous');
    const run = await creg(['codegen', '--subject', subject, '--out', out, ...registry()]);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stderr, new RegExp(`^creg codegen: subject ${subject}: ${server.url} answered 401 \\(error code 401\\): Unauthorized$`, 'm'));
    assert.equal(existsSync(out), false);
  });

  test('creg record-deployment fails: exit 3 (registry error), naming the 401', async () => {
    const run = await creg(['record-deployment', '--participant', 'account-service', '--version', '2.0.0', '--env', 'production', '--produces', subject, ...registry()]);
    assert.equal(run.code, 3, shown(run));
    assert.match(output(run), UNAUTHORIZED);
    // Naming only what it reads, the deployment itself is refused with 401: still a registry error, not a refusal.
    const consumer = await creg(['record-deployment', '--participant', 'ledger', '--version', '1.0.0', '--env', 'production', '--consumes', subject, ...registry()]);
    assert.equal(consumer.code, 3, shown(consumer));
    assert.match(output(consumer), UNAUTHORIZED);
  });

  test('a wrong password, or a wrong token secret, is refused the same way (exit 3, 401)', async () => {
    const [password, token] = await Promise.all([
      creg(['check', '--subject', subject, '--schema', schemas.v2, ...registry(), '--username', 'alice', '--password', 'wrong']),
      creg(['register', '--subject', subject, '--schema', schemas.v2, ...registry(), '--token', `${TOKEN_KEY}.${randomSecret()}`]),
    ]);
    assert.equal(password.code, 3, shown(password));
    assert.match(password.stdout, UNAUTHORIZED);
    assert.equal(token.code, 3, shown(token));
    assert.match(token.stdout, UNAUTHORIZED);
  });

  test('a signed-in caller outside its rules is told which operation it was denied (403, exit 3)', async () => {
    const run = await creg(['register', '--subject', 'customer-value', '--schema', schemas.v1, ...registry(), '--token', `${TOKEN_KEY}.${TOKEN_SECRET}`]);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stdout, /registry answered 403 \(error code 40301\): User is denied operation Write on Subject: customer-value$/m);
  });

  test('creg check needs config_read on the subject itself: with it only globally, it is denied ReadCompatibility (403, exit 3)', async () => {
    const run = await creg(['check', '--subject', subject, '--schema', schemas.v2, ...registry(), '--token', `${NARROW_KEY}.${NARROW_SECRET}`]);
    assert.equal(run.code, 3, shown(run));
    assert.match(run.stdout, new RegExp(`registry answered 403 \\(error code 40301\\): User is denied operation ReadCompatibility on Subject: ${subject}$`, 'm'));
  });
});

/**
 * `creg auth`, the built command in a child process: `hash-password` reads
 * standard input (or prompts on a terminal, without echo) and prints a hash
 * the registry accepts, or a Karapace entry; `token` prints a secret whose
 * hash is the entry it prints, and a registry given that entry accepts the
 * token as Basic `KEY:SECRET` and as Bearer `KEY.SECRET`; `schema` prints the
 * auth file's schema; `check` summarises a good file and names what is wrong
 * with a broken one (exit 1); bad invocations exit 64.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AUTH_FILE_SCHEMA } from '../../security/auth-file-schema.js';
import { hashPassword, hashSecret, karapaceHash, KARAPACE_ALGORITHMS, verifyPassword } from '../../security/passwords.js';
import { basicAuthorization, startSecuredServer } from '../support/secured-registry.js';
import { creg, ROOT, shown, type CregRun } from './run-creg.js';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** `creg` as `run-creg.ts` runs it, with `input` on its standard input (a pipe, not a terminal). */
function cregWithInput(args: string[], input: string): Promise<CregRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CREG_REGISTRY')));
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [MAIN, ...args], { cwd: ROOT, env: inherited, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(input);
  });
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'creg-auth-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('creg auth hash-password', () => {
  test('hashes one line of standard input into a hash verifyPassword accepts, and only for that password', async () => {
    const run = await cregWithInput(['auth', 'hash-password', '--password-stdin'], 'correct horse battery staple\n');
    assert.equal(run.code, 0, shown(run));
    const lines = run.stdout.split('\n');
    assert.equal(lines.length, 2, shown(run));
    assert.equal(lines[1], '');
    const hash = lines[0]!;
    assert.match(hash, /^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    assert.equal(await verifyPassword(hash, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(hash, 'correct horse battery staple\n'), false);
    assert.equal(await verifyPassword(hash, 'wrong horse'), false);
  });

  test('without --password-stdin, a pipe is read the same way; a CRLF line ending is stripped', async () => {
    const run = await cregWithInput(['auth', 'hash-password'], 'pässwörd\r\n');
    assert.equal(run.code, 0, shown(run));
    assert.equal(await verifyPassword(run.stdout.trim(), 'pässwörd'), true);
  });

  test('two hashes of one password differ (random salt), and both verify', async () => {
    const [a, b] = await Promise.all([cregWithInput(['auth', 'hash-password'], 's3cret\n'), cregWithInput(['auth', 'hash-password'], 's3cret\n')]);
    assert.notEqual(a.stdout, b.stdout);
    assert.equal(await verifyPassword(a.stdout.trim(), 's3cret'), true);
    assert.equal(await verifyPassword(b.stdout.trim(), 's3cret'), true);
  });

  for (const [what, input] of [
    ['an empty password', '\n'],
    ['empty standard input', ''],
    ['more than one line', 'one\ntwo\n'],
  ] as const) {
    test(`refuses ${what} (exit 64), printing no hash`, async () => {
      const run = await cregWithInput(['auth', 'hash-password', '--password-stdin'], input);
      assert.equal(run.code, 64, shown(run));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^error: /);
    });
  }

  for (const algorithm of KARAPACE_ALGORITHMS) {
    test(`--karapace ${algorithm} prints a Karapace user entry whose hash is karapaceHash's`, async () => {
      const given = await cregWithInput(['auth', 'hash-password', '--karapace', algorithm, '--username', 'alice', '--salt', 'NaCl-1'], 'hunter2\n');
      assert.equal(given.code, 0, shown(given));
      assert.deepEqual(JSON.parse(given.stdout), {
        username: 'alice',
        algorithm,
        salt: 'NaCl-1',
        password_hash: await karapaceHash(algorithm, 'hunter2', 'NaCl-1'),
      });

      // Without --salt: 16 random bytes, URL-safe base64 without padding (Python's secrets.token_urlsafe(16)).
      const random = await cregWithInput(['auth', 'hash-password', '--karapace', algorithm, '--username', 'alice'], 'hunter2\n');
      assert.equal(random.code, 0, shown(random));
      const entry = JSON.parse(random.stdout) as { salt: string; password_hash: string };
      assert.match(entry.salt, /^[A-Za-z0-9_-]{22}$/);
      assert.equal(entry.password_hash, await karapaceHash(algorithm, 'hunter2', entry.salt));
    });
  }

  test('a Karapace entry it prints lets that user into a registry reading a Karapace auth file', async () => {
    const run = await cregWithInput(['auth', 'hash-password', '--karapace', 'sha512', '--username', 'alice'], 'hunter2\n');
    assert.equal(run.code, 0, shown(run));
    const file = { users: [JSON.parse(run.stdout)], permissions: [{ username: 'alice', operation: 'Read', resource: '.*' }] };
    await withServer(file, async (url) => {
      assert.equal((await fetch(`${url}/subjects`, { headers: { Authorization: basicAuthorization('alice', 'hunter2') } })).status, 200);
      assert.equal((await fetch(`${url}/subjects`, { headers: { Authorization: basicAuthorization('alice', 'hunter3') } })).status, 401);
    });
  });

  for (const [what, args] of [
    ['--karapace without --username', ['--karapace', 'sha256']],
    ['--username without --karapace', ['--username', 'alice']],
    ['--salt without --karapace', ['--salt', 'x']],
    ['an algorithm Karapace does not have', ['--karapace', 'md5', '--username', 'alice']],
  ] as const) {
    test(`${what} is a usage error (exit 64)`, async () => {
      const run = await cregWithInput(['auth', 'hash-password', ...args], 'hunter2\n');
      assert.equal(run.code, 64, shown(run));
      assert.equal(run.stdout, '');
    });
  }

  const python = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;
  test('on a terminal, prompts "Password: " on standard error and echoes nothing', { skip: python ? false : 'python3 (for a pseudo-terminal) is not installed' }, async () => {
    // A pseudo-terminal from Python's pty module: type a password with a typo fixed by backspace, then Enter.
    const script = `
import os, pty, select, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
out = b''
def pump(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return
            if not data:
                return
            out += data
            if b'Password: ' in out and not typed[0]:
                return
typed = [False]
pump(20)
typed[0] = True
os.write(fd, b'typo\\x7f\\x7f\\x7f\\x7fs3cret\\r')
pump(30)
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;
    const run = await new Promise<CregRun>((resolve) => {
      execFile('python3', ['-c', script, process.execPath, MAIN, 'auth', 'hash-password'], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
    assert.equal(run.code, 0, shown(run));
    // The terminal shows the prompt, a line break, and the hash: never what was typed.
    assert.doesNotMatch(run.stdout, /typo|s3cret/);
    const match = /^Password: \r?\n(\$scrypt\$\S+)\r?\n$/.exec(run.stdout);
    assert.ok(match, shown(run));
    assert.equal(await verifyPassword(match[1]!, 's3cret'), true);
  });
});

/** Starts the registry over a fresh SQLite database with `authFile` (text, or an object written as JSON), runs `body`, stops it. */
async function withServer(authFile: unknown, body: (url: string) => Promise<void>): Promise<void> {
  const server = await startSecuredServer(authFile);
  try {
    await body(server.url);
  } finally {
    await server.dispose();
  }
}


interface TokenJson {
  key: string;
  secret: string;
  bearer: string;
  entry: { key: string; secretHash: string; principal?: string; groups?: string[]; expires?: string };
}

describe('creg auth token', () => {
  test('--json: the entry holds the hash of the secret, never the secret; bearer is KEY.SECRET', async () => {
    const run = await creg(['auth', 'token', '--key', 'ci-publisher', '--principal', 'ci', '--group', 'publishers', '--group', 'ci', '--expires', '2099-06-30T00:00:00Z', '--json']);
    assert.equal(run.code, 0, shown(run));
    const token = JSON.parse(run.stdout) as TokenJson;
    assert.equal(token.key, 'ci-publisher');
    assert.match(token.secret, /^[A-Za-z0-9_-]{43}$/, 'a random 32-byte secret, URL-safe base64');
    assert.equal(token.bearer, `ci-publisher.${token.secret}`);
    assert.deepEqual(token.entry, {
      key: 'ci-publisher',
      secretHash: hashSecret(token.secret),
      principal: 'ci',
      groups: ['publishers', 'ci'],
      expires: '2099-06-30T00:00:00Z',
    });
    assert.doesNotMatch(JSON.stringify(token.entry), new RegExp(token.secret));
  });

  test('without --principal, --group or --expires the entry has only the key and the hash; each run makes a new secret', async () => {
    const [a, b] = await Promise.all([creg(['auth', 'token', '--key', 'k', '--json']), creg(['auth', 'token', '--key', 'k', '--json'])]);
    assert.equal(a.code, 0, shown(a));
    const first = JSON.parse(a.stdout) as TokenJson;
    const second = JSON.parse(b.stdout) as TokenJson;
    assert.deepEqual(Object.keys(first.entry), ['key', 'secretHash']);
    assert.notEqual(first.secret, second.secret);
  });

  test('the text output shows the secret once, how to send it, and a tokens: entry that a registry accepts as Basic and Bearer', async () => {
    const run = await creg(['auth', 'token', '--key', 'ci-bot', '--principal', 'ci']);
    assert.equal(run.code, 0, shown(run));
    const secret = /^ {2}([A-Za-z0-9_-]{43})$/m.exec(run.stdout)?.[1];
    assert.ok(secret, shown(run));
    assert.ok(run.stdout.includes(`basic.auth.user.info=ci-bot:${secret}`), shown(run));
    assert.ok(run.stdout.includes(`Authorization: Bearer ci-bot.${secret}`), shown(run));
    assert.ok(run.stdout.includes(`--token ci-bot.${secret}`), shown(run));

    // What follows the last instruction is YAML to paste into the file.
    const yaml = run.stdout.slice(run.stdout.search(/^tokens:$/m));
    const pasted = parseYaml(yaml) as { tokens: TokenJson['entry'][] };
    assert.deepEqual(pasted, { tokens: [{ key: 'ci-bot', secretHash: hashSecret(secret), principal: 'ci' }] });

    const file = `${yaml}rules:\n  - principals: [ci]\n    operations: [read, write]\n    subjectPrefixes: [""]\n`;
    await withServer(file, async (url) => {
      const get = (authorization?: string) => fetch(`${url}/subjects`, authorization ? { headers: { Authorization: authorization } } : {});
      const asBasic = await get(basicAuthorization('ci-bot', secret));
      assert.equal(asBasic.status, 200);
      assert.deepEqual(await asBasic.json(), []);
      assert.equal((await get(`Bearer ci-bot.${secret}`)).status, 200);
      assert.equal((await get(basicAuthorization('ci-bot', `${secret}x`))).status, 401);
      assert.equal((await get(`Bearer ci-bot.${secret.slice(1)}`)).status, 401);
      assert.equal((await get()).status, 401);

      // And it may write what its rules grant: a registration, under the token's principal.
      const registered = await fetch(`${url}/subjects/account-value/versions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ci-bot.${secret}`, 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
        body: JSON.stringify({ schema: '"string"' }),
      });
      assert.equal(registered.status, 200, await registered.clone().text());
    });
  });

  test('an entry with --expires in the past is refused by the registry; a warning says so', async () => {
    const run = await creg(['auth', 'token', '--key', 'old', '--expires', '2020-01-01T00:00:00Z', '--json']);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stderr, /warning: --expires 2020-01-01T00:00:00Z is already past/);
    const token = JSON.parse(run.stdout) as TokenJson;
    const file = stringifyYaml({ tokens: [token.entry], rules: [{ principals: ['old'], operations: ['read'], subjectPrefixes: [''] }] });
    await withServer(file, async (url) => {
      assert.equal((await fetch(`${url}/subjects`, { headers: { Authorization: `Bearer ${token.bearer}` } })).status, 401);
    });
  });

  for (const [what, args] of [
    ['a key with a space', ['--key', 'bad key']],
    ['a key with a dot (it would split KEY.SECRET)', ['--key', 'bad.key']],
    ['a key with a colon (it would split KEY:SECRET)', ['--key', 'bad:key']],
    ['an empty key', ['--key', '']],
    ['a key longer than 128 characters', ['--key', 'k'.repeat(129)]],
    ['no key', []],
    ['a principal with a colon', ['--key', 'k', '--principal', 'a:b']],
    ['a group with a space', ['--key', 'k', '--group', 'a b']],
    ['an --expires that is not a date', ['--key', 'k', '--expires', 'tomorrow']],
  ] as const) {
    test(`${what} is a usage error (exit 64), and no secret is printed`, async () => {
      const run = await creg(['auth', 'token', ...args]);
      assert.equal(run.code, 64, shown(run));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /error: /);
    });
  }

  test('the message of a bad key says what a key may hold', async () => {
    const run = await creg(['auth', 'token', '--key', 'bad key']);
    assert.equal(run.code, 64, shown(run));
    assert.match(run.stderr, /--key 'bad key' is not a token key: 1 to 128 letters, digits, _ or -/);
  });
});

describe('creg auth schema', () => {
  test("prints the auth file's JSON Schema", async () => {
    const run = await creg(['auth', 'schema']);
    assert.equal(run.code, 0, shown(run));
    assert.deepEqual(JSON.parse(run.stdout), AUTH_FILE_SCHEMA);
  });
});

describe('creg auth check', () => {
  test('summarises a valid file of the registry’s own format (exit 0)', async () => {
    const file = join(dir, 'good.yaml');
    const alice = await hashPassword('alice-password', 10);
    await writeFile(
      file,
      stringifyYaml({
        users: [{ name: 'alice', passwordHash: alice, groups: ['platform'] }, { name: 'bob', passwordHash: alice }],
        tokens: [{ key: 'ci-bot', secretHash: hashSecret('s'), principal: 'ci' }],
        oidc: { issuer: 'https://login.example.com/realms/main', audience: 'contract-registry' },
        rules: [
          { principals: ['group:platform'], operations: ['read', 'write'], subjectPrefixes: [''] },
          { principals: ['ci'], operations: ['config_read'], global: true },
        ],
      }),
    );
    const run = await creg(['auth', 'check', file]);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /: valid the registry's own auth file\n/);
    assert.match(run.stdout, /^ {2}format: creg$/m);
    assert.match(run.stdout, /^ {2}users: {2}2 \(alice, bob\)$/m);
    assert.match(run.stdout, /^ {2}tokens: 1 \(ci-bot as ci\)$/m);
    assert.match(run.stdout, /^ {2}rules: {2}2$/m);
    assert.match(run.stdout, /^ {2}oidc: {3}issuer https:\/\/login\.example\.com\/realms\/main$/m);
    assert.equal(run.stderr, '');
  });

  test("summarises Karapace's format (exit 0)", async () => {
    const file = join(dir, 'karapace.json');
    const salt = 'salt';
    await writeFile(
      file,
      JSON.stringify({
        users: [{ username: 'admin', algorithm: 'sha512', salt, password_hash: await karapaceHash('sha512', 'pw', salt) }],
        permissions: [
          { username: 'admin', operation: 'Write', resource: '.*' },
          { username: 'admin', operation: 'Read', resource: 'Subject:.*' },
        ],
      }),
    );
    const run = await creg(['auth', 'check', file]);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, /: valid Karapace's auth file\n/);
    assert.match(run.stdout, /^ {2}users: {2}1 \(admin\)$/m);
    assert.match(run.stdout, /^ {2}tokens: 0$/m);
    assert.match(run.stdout, /^ {2}rules: {2}2$/m);
    assert.match(run.stdout, /^ {2}oidc: {3}off$/m);
  });

  test('warns of tokens already expired, and still exits 0', async () => {
    const file = join(dir, 'expired.yaml');
    await writeFile(file, stringifyYaml({ tokens: [{ key: 'old', secretHash: hashSecret('s'), expires: '2020-01-01' }], rules: [] }));
    const run = await creg(['auth', 'check', file]);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stderr, /warning: token already expired: old/);
  });

  for (const [what, text, problem] of [
    ['a password that is not a hash', stringifyYaml({ users: [{ name: 'alice', passwordHash: 'hunter2' }], rules: [] }), /user 'alice': passwordHash is not a hash from 'creg auth hash-password'/],
    ['an operation no rule can grant', stringifyYaml({ rules: [{ principals: ['a'], operations: ['admin'], global: true }] }), /\/rules\/0\/operations\/0 must be equal to one of the allowed values \(read, write, delete, config_read, config_write, verify, deploy, audit\)/],
    ['no rules', stringifyYaml({ users: [] }), /must have required property 'rules'/],
    ['a token secret stored in clear', stringifyYaml({ tokens: [{ key: 'k', secretHash: 'hunter2' }], rules: [] }), /\/tokens\/0\/secretHash must match pattern/],
    ['a name used twice', stringifyYaml({ users: [{ name: 'ci', passwordHash: '$scrypt$ln=10,r=8,p=1$c2FsdA$aGFzaA' }], tokens: [{ key: 'ci', secretHash: hashSecret('s') }], rules: [] }), /'ci' is named twice among users and token keys/],
    ['a token expiry that is not a date', stringifyYaml({ tokens: [{ key: 'k', secretHash: hashSecret('s'), expires: 'soon' }], rules: [] }), /token 'k': expires 'soon' is not a date/],
    ['an OIDC issuer over plain http', stringifyYaml({ oidc: { issuer: 'http://login.example.com', audience: 'a' }, rules: [] }), /must be an https URL/],
    ['text that is not YAML', 'rules: [\n', /not valid YAML or JSON/],
  ] as const) {
    test(`names the problem of a file with ${what} (exit 1)`, async () => {
      const file = join(dir, 'broken.yaml');
      await writeFile(file, text);
      const run = await creg(['auth', 'check', file]);
      assert.equal(run.code, 1, shown(run));
      assert.equal(run.stdout, '');
      assert.ok(run.stderr.startsWith(`${file}: not a valid auth file: `), shown(run));
      assert.match(run.stderr, problem);
    });
  }

  test('a file that cannot be read is an error (exit 1)', async () => {
    const run = await creg(['auth', 'check', join(dir, 'missing.yaml')]);
    assert.equal(run.code, 1, shown(run));
    assert.match(run.stderr, /missing\.yaml: cannot be read: ENOENT/);
  });

  test('without a file it is a usage error (exit 64)', async () => {
    const run = await creg(['auth', 'check']);
    assert.equal(run.code, 64, shown(run));
    assert.match(run.stderr, /missing required argument 'file'/);
  });
});

/**
 * The auth file edited while the registry runs: a good edit changes the
 * answers within a second (a granted subject, a revoked one, a new password,
 * a new token) and drops the credentials verified under the old file; a
 * broken edit (bad YAML, a rule the schema refuses, the file removed) changes
 * nothing and is logged with its reason, and the next good edit is read
 * again. The server is the real one on a random port, reading a real file.
 */
import assert from 'node:assert/strict';
import { rename, rm, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { stringify as stringifyYaml } from 'yaml';
import { customerSchema } from '../support/avro-fixtures.js';
import { basicAuthorization, send, startSecuredServer, type SecuredServer } from '../support/secured-registry.js';
import { hashPassword, hashSecret, randomSecret } from '../../security/passwords.js';

const ADMIN = basicAuthorization('admin', 'admin password');
const ALICE_OLD = 'alice password 1';
const ALICE_NEW = 'alice password 2';
const TOKEN_SECRET = randomSecret();
/** The promise of the issue: a good edit is in force within a second. */
const RELOAD_WITHIN_MS = 1_000;

interface LogLine {
  level: number;
  msg: string;
  reason?: string;
}

let server: SecuredServer;
const logs: LogLine[] = [];
let hashes: { admin: string; aliceOld: string; aliceNew: string };

/** The file with alice's password and the subject prefixes she may read. */
function authFile(alicePassword: string, alicePrefixes: string[], withToken = false): string {
  return stringifyYaml({
    users: [
      { name: 'admin', passwordHash: hashes.admin },
      { name: 'alice', passwordHash: alicePassword },
    ],
    tokens: withToken ? [{ key: 'ci', secretHash: hashSecret(TOKEN_SECRET) }] : [],
    rules: [
      { principals: ['admin'], operations: ['read', 'write', 'delete', 'config_read', 'config_write'], subjectPrefixes: [''] },
      { principals: ['alice'], operations: ['read'], subjectPrefixes: alicePrefixes },
      ...(withToken ? [{ principals: ['ci'], operations: ['read'], subjects: ['orders-value'] }] : []),
    ],
  });
}

/** Writes the file as editors do: a new file renamed over the old one. */
async function edit(text: string): Promise<void> {
  const next = `${server.authFilePath}.next`;
  await writeFile(next, text);
  await rename(next, server.authFilePath);
}

const status = async (path: string, authorization: string) => (await send(server.url, { path, headers: { authorization } })).status;

/** Polls until `path` answers `expected` to `authorization`; returns how long that took, or fails after the promised second. */
async function answersWithin(path: string, authorization: string, expected: number): Promise<number> {
  const start = performance.now();
  for (;;) {
    const seen = await status(path, authorization);
    const elapsed = performance.now() - start;
    if (seen === expected) return elapsed;
    assert.ok(elapsed < RELOAD_WITHIN_MS, `${path} still answers ${seen}, not ${expected}, ${Math.round(elapsed)} ms after the edit`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the server has logged that it kept the previous file, and returns the reason it gave. */
async function refusedReload(seenBefore: number): Promise<string> {
  for (let i = 0; i < 250; i++) {
    const refusal = logs.slice(seenBefore).find((line) => line.msg.startsWith('auth file not reloaded'));
    if (refusal) return refusal.reason ?? '';
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.fail('the broken edit was not logged');
}

before(async () => {
  hashes = { admin: await hashPassword('admin password'), aliceOld: await hashPassword(ALICE_OLD), aliceNew: await hashPassword(ALICE_NEW) };
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  server = await startSecuredServer(authFile(hashes.aliceOld, ['orders-']), undefined, { logger });
  for (const subject of ['orders-value', 'payments-value']) {
    const registered = await send(server.url, {
      method: 'POST',
      path: `/subjects/${subject}/versions`,
      headers: { authorization: ADMIN },
      json: { schema: customerSchema() },
    });
    assert.equal(registered.status, 200, registered.body);
  }
});

after(() => server?.dispose());

describe('the auth file reloaded while the registry runs', () => {
  const alice = () => basicAuthorization('alice', ALICE_OLD);

  it('starts with the rules of the file', async () => {
    assert.equal(await status('/subjects/orders-value/versions', alice()), 200);
    assert.equal(await status('/subjects/payments-value/versions', alice()), 403);
  });

  it('a new grant and a revocation are in force within a second', async (t) => {
    await edit(authFile(hashes.aliceOld, ['payments-']));
    const granted = await answersWithin('/subjects/payments-value/versions', alice(), 200);
    assert.equal(await status('/subjects/orders-value/versions', alice()), 403, 'the old grant is gone with the same edit');
    t.diagnostic(`reload: a new grant answered ${Math.round(granted)} ms after the edit`);
  });

  it('a changed password refuses the old one within a second, though it was verified a moment ago', async () => {
    assert.equal(await status('/subjects/payments-value/versions', alice()), 200, 'the old password is cached as verified');
    await edit(authFile(hashes.aliceNew, ['payments-']));
    await answersWithin('/subjects/payments-value/versions', alice(), 401);
    assert.equal(await status('/subjects/payments-value/versions', basicAuthorization('alice', ALICE_NEW)), 200);
  });

  it('a token added to the file is accepted within a second', async () => {
    const bearer = `Bearer ci.${TOKEN_SECRET}`;
    assert.equal(await status('/subjects/orders-value/versions', bearer), 401);
    await edit(authFile(hashes.aliceNew, ['payments-'], true));
    await answersWithin('/subjects/orders-value/versions', bearer, 200);
  });

  const brokenEdits: Array<[string, () => Promise<void>, RegExp]> = [
    ['YAML that does not parse', () => edit('rules: [ {principals: [alice], operations: [read]\n'), /auth file/],
    [
      'a rule the schema refuses (an unknown operation)',
      () => edit(stringifyYaml({ rules: [{ principals: ['alice'], operations: ['read', 'obliterate'], subjectPrefixes: [''] }] })),
      /operations/,
    ],
    ['a password hash that is not one', () => edit(authFile('not-a-hash', [''])), /hash/],
    ['the file removed', () => rm(server.authFilePath), /cannot read auth file/],
  ];
  for (const [name, breakIt, reason] of brokenEdits) {
    it(`a broken edit changes nothing and is logged: ${name}`, async () => {
      const seenBefore = logs.length;
      await breakIt();
      assert.match(await refusedReload(seenBefore), reason);
      const aliceNow = basicAuthorization('alice', ALICE_NEW);
      assert.equal(await status('/subjects/payments-value/versions', aliceNow), 200, 'the previous grant stays');
      assert.equal(await status('/subjects/orders-value/versions', aliceNow), 403, 'and nothing more');
      assert.equal(await status('/subjects/orders-value/versions', `Bearer ci.${TOKEN_SECRET}`), 200, 'the previous token stays');
      assert.equal(await status('/subjects/orders-value/versions', ADMIN), 200);
      assert.equal(await status('/subjects/orders-value/versions', basicAuthorization('intruder', 'x')), 401);
    });
  }

  it('after broken edits, the next good edit is read', async () => {
    await edit(authFile(hashes.aliceNew, ['orders-', 'payments-']));
    await answersWithin('/subjects/orders-value/versions', basicAuthorization('alice', ALICE_NEW), 200);
    assert.equal(await status('/subjects/orders-value/versions', `Bearer ci.${TOKEN_SECRET}`), 401, 'the token left the file');
    assert.ok(logs.some((line) => line.msg === 'auth file reloaded'));
  });
});

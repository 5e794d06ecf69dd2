/**
 * Reading auth files: Karapace's, as Karapace reads it (hashes made here
 * with each algorithm, regexes anchored at the start only, `Config:` as the
 * global scope), and the project's own, validated by its JSON Schema.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AuthFileError, parseAuthFile } from '../../security/auth-file.js';
import { AuthenticationFailure } from '../../security/authentication-failure.js';
import { Authenticator } from '../../security/authenticator.js';
import { GLOBAL, subjectResource } from '../../security/operations.js';
import { hashPassword, karapaceHash, KARAPACE_ALGORITHMS } from '../../security/passwords.js';
import { basicAuthorization } from '../support/secured-registry.js';

describe("Karapace's auth file", () => {
  test('each algorithm signs its user in; a wrong password is refused', async () => {
    const users = await Promise.all(
      KARAPACE_ALGORITHMS.map(async (algorithm) => ({
        username: `u-${algorithm}`,
        algorithm,
        salt: `salt-${algorithm}`,
        password_hash: await karapaceHash(algorithm, `pw-${algorithm}`, `salt-${algorithm}`),
      })),
    );
    const authenticator = new Authenticator(parseAuthFile(JSON.stringify({ users, permissions: [] })));
    for (const algorithm of KARAPACE_ALGORITHMS) {
      const caller = await authenticator.authenticate({ authorization: basicAuthorization(`u-${algorithm}`, `pw-${algorithm}`) });
      assert.deepEqual(caller.identity, { name: `u-${algorithm}`, groups: [], method: 'basic' });
      await assert.rejects(authenticator.authenticate({ authorization: basicAuthorization(`u-${algorithm}`, 'wrong') }), AuthenticationFailure);
    }
  });

  test('regexes match at the start only, Read reads, Write on Config: is the admin', () => {
    const config = parseAuthFile(
      JSON.stringify({
        users: [],
        permissions: [
          { username: 'aladdin', operation: 'Write', resource: 'Subject:cave-.*' },
          { username: 'reader', operation: 'Read', resource: 'Subject:carpet' },
          { username: 'admin', operation: 'Write', resource: '.*' },
        ],
      }),
    );
    const of = (name: string) => config.policy.permissionsOf({ name, groups: [], method: 'basic' });
    assert.equal(of('aladdin').can('write', subjectResource('cave-lamp')), true);
    assert.equal(of('aladdin').can('write', subjectResource('my-cave-lamp')), false);
    assert.equal(of('aladdin').can('config_write', GLOBAL), false);
    assert.equal(of('reader').can('read', subjectResource('carpet-magic')), true, 'anchored at the start only, as re.match');
    assert.equal(of('reader').can('write', subjectResource('carpet')), false);
    assert.equal(of('admin').can('config_write', GLOBAL), true);
    assert.equal(of('admin').can('audit', GLOBAL), true);
    assert.equal(of('admin').readsEverySubject, true);
  });
});

describe("the project's own format", () => {
  test('YAML with users, tokens, OIDC (its optional settings included) and rules', async () => {
    const config = parseAuthFile(`
users:
  - name: alice
    passwordHash: "${await hashPassword('pw', 10)}"
    groups: [platform]
tokens:
  - key: ci
    secretHash: "sha256:${'0'.repeat(64)}"
    expires: 2030-01-01
oidc:
  issuer: https://idp.example.com
  audience: contract-registry
  clockToleranceSeconds: 10
  jwksCooldownSeconds: 60
rules:
  - principals: [group:platform]
    operations: [read]
    subjectPrefixes: [""]
`);
    assert.equal(config.format, 'creg');
    assert.deepEqual([...config.users.keys(), ...config.tokens.keys()], ['alice', 'ci']);
    assert.equal(config.oidc?.jwksCooldownSeconds, 60);
    assert.equal(config.policy.permissionsOf({ name: 'alice', groups: ['platform'], method: 'basic' }).readsEverySubject, true);
  });

  test('what does not match the schema, or names a principal twice, is refused naming the problem', () => {
    const refused = (text: string, pattern: RegExp) => assert.throws(() => parseAuthFile(text), (e: unknown) => e instanceof AuthFileError && pattern.test(e.message));
    refused('rules: [{principals: [a], operations: [fly], global: true}]', /operations/);
    refused('rules: [{principals: [a], operations: [read]}]', /must match a schema in anyOf/);
    refused('oidc: {issuer: x, audience: y, colour: blue}\nrules: []', /additional properties/);
    refused('users: [{name: a, passwordHash: plain}]\nrules: []', /passwordHash is not a hash/);
    refused(`users: [{name: a, passwordHash: "${'$scrypt$ln=15,r=8,p=1$c2FsdA$aGFzaA'}"}]\ntokens: [{key: a, secretHash: "sha256:${'0'.repeat(64)}"}]\nrules: []`, /named twice/);
    refused('{not yaml', /not valid YAML/);
  });
});

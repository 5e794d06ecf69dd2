/**
 * Malformed and wrong credentials against the running registry (SQLite),
 * through real HTTP: a table of `Authorization` headers (empty, bare schemes,
 * garbage, base64 without a colon, non-UTF-8 bytes, values as long as Node
 * accepts, JWT-shaped garbage, unknown schemes, tabs, extra spaces, known
 * token keys with wrong secrets, expired tokens, …) sent to several routes.
 * Every answer is 401 with Confluent's error body: never a 500, never a
 * success. The same holds when the auth file lets `anonymous` read
 * everything: a wrong credential never falls back to anonymous, while no
 * header at all is served.
 *
 * The registry slows down repeated failures from one address
 * (security/failure-throttle.ts), so each bad request is sent from a
 * loopback address of its own; one small test checks that answers stay
 * correct, and a good credential is still served, once an address is being
 * slowed down. No test measures time.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64url } from 'jose';
import { hashPassword, hashSecret, randomSecret } from '../../security/passwords.js';
import { customerSchema } from '../support/avro-fixtures.js';
import {
  basicAuthorization,
  LOOPBACK_ALIASES_MISSING,
  loopbackAddresses,
  OIDC_AUDIENCE,
  rsaSigningKey,
  send,
  startIdentityProvider,
  startSecuredServer,
  UNAUTHORIZED_BODY,
  type HttpAnswer,
  type HttpCall,
  type IdentityProvider,
  type SecuredServer,
} from '../support/secured-registry.js';

const USER = 'alice';
const PASSWORD = 'pässwörd-1';
const TOKEN_KEY = 'ci-token';
const TOKEN_SECRET = randomSecret();
const OLD_TOKEN_KEY = 'old-token';
const OLD_TOKEN_SECRET = randomSecret();
/** Room left for the request line and the other headers under Node's 16 KiB header limit. */
const HUGE = 16 * 1024 - 512;

const passwordHash = await hashPassword(PASSWORD, 10);
const idp: IdentityProvider = await startIdentityProvider();
after(() => idp.close());
const strangerKey = await rsaSigningKey('stranger');

const b64 = (text: string, encoding: BufferEncoding = 'utf8') => Buffer.from(text, encoding).toString('base64');
const json = (value: unknown) => base64url.encode(JSON.stringify(value));
/** A string whose characters are the bytes given, which node:http sends one byte each. */
const bytes = (...values: number[]) => Buffer.from(values).toString('latin1');
const goodBasic = basicAuthorization(USER, PASSWORD);
const goodB64 = goodBasic.slice('Basic '.length);
const fakeClaims = json({ iss: 'x', aud: OIDC_AUDIENCE, sub: 'x', exp: 4_102_444_800 });

/** [what it is, the Authorization header (an array sends the header more than once)]. */
const BAD_HEADERS: Array<[string, string | string[] | (() => Promise<string>)]> = [
  ['empty value', ''],
  ['only spaces', '   '],
  ['Basic alone', 'Basic'],
  ['Basic and a space', 'Basic '],
  ['Basic and spaces only', 'Basic      '],
  ['Basic with characters outside base64', 'Basic garbage!!*'],
  ['Basic with percent signs', 'Basic %%%%'],
  ['Basic with padding only', 'Basic ===='],
  ['Basic with padding in the middle', 'Basic YWxp=Y2U6cHc='],
  ['Basic with too much padding after good credentials', `${goodBasic}===`],
  ['Basic with base64url characters', 'Basic YW-_Y2U6cHc'],
  ['Basic, base64 without a colon', `Basic ${b64(USER)}`],
  ['Basic, base64 of the user and password without a colon', `Basic ${b64(`${USER}${PASSWORD}`)}`],
  ['Basic, empty user name', `Basic ${b64(`:${PASSWORD}`)}`],
  ['Basic, empty password', `Basic ${b64(`${USER}:`)}`],
  ['Basic, only a colon', `Basic ${b64(':')}`],
  ['Basic, wrong password', basicAuthorization(USER, 'wrong')],
  ['Basic, user name in another case', basicAuthorization('Alice', PASSWORD)],
  ['Basic, user name with a trailing space', basicAuthorization(`${USER} `, PASSWORD)],
  ['Basic, password with a trailing space', basicAuthorization(USER, `${PASSWORD} `)],
  ['Basic, unknown user with the password', basicAuthorization('nobody', PASSWORD)],
  ['Basic, the right password encoded as Latin-1, not UTF-8', `Basic ${b64(`${USER}:${PASSWORD}`, 'latin1')}`],
  ['Basic, base64 of non-UTF-8 bytes around a colon', `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0xc3, 0x28]).toString('base64')}`],
  ['Basic followed by raw non-UTF-8 bytes', `Basic ${bytes(0xff, 0xfe, 0xfd, 0xc3, 0x28)}`],
  ['Basic followed by raw UTF-8 of a non-ASCII character', `Basic ${bytes(0xe2, 0x98, 0x83)}`],
  ['Basic, good credentials then a second word', `${goodBasic} extra`],
  ['Basic, good credentials then another scheme', `${goodBasic}, Bearer x`],
  ['Basic, good credentials after a tab instead of a space', `Basic\t${goodB64}`],
  ['Basic, good credentials with a tab inside', `Basic ${goodB64.slice(0, 4)}\t${goodB64.slice(4)}`],
  ['Basic glued to good credentials', `Basic${goodB64}`],
  ['good credentials without a scheme', goodB64],
  ['Basic, non-ASCII scheme name', `B${bytes(0xe4)}sic ${goodB64}`],
  ['Basic, several spaces then garbage', `Basic    ${b64('garbage')}`],
  ['Basic, huge base64 without a colon', `Basic ${'QUFB'.repeat(HUGE / 4 - 2)}`],
  ['Basic, huge wrong password', basicAuthorization(USER, 'x'.repeat(Math.floor((HUGE * 3) / 4) - 20))],
  ['Basic, API token key with a wrong secret', basicAuthorization(TOKEN_KEY, 'wrong')],
  ['Basic, API token key with the secret plus a character', basicAuthorization(TOKEN_KEY, `${TOKEN_SECRET}x`)],
  ['Basic, API token in its key.secret form', `Basic ${b64(`${TOKEN_KEY}.${TOKEN_SECRET}`)}`],
  ['Basic, expired API token with its right secret', basicAuthorization(OLD_TOKEN_KEY, OLD_TOKEN_SECRET)],
  ['lower-case basic, wrong password', `basic ${b64(`${USER}:wrong`)}`],
  ['Bearer alone', 'Bearer'],
  ['Bearer and spaces only', 'Bearer    '],
  ['Bearer, huge value', `Bearer ${'x'.repeat(HUGE)}`],
  ['Bearer, huge JWT-shaped value', `Bearer ${'e'.repeat(HUGE / 2)}.${'e'.repeat(HUGE / 2 - 10)}.`],
  ['Bearer, a.b.c', 'Bearer a.b.c'],
  ['Bearer, two dots only', 'Bearer ..'],
  ['Bearer, JWT-shaped with a header that is not JSON', `Bearer ${base64url.encode('not json')}.${fakeClaims}.c2ln`],
  ['Bearer, JWT-shaped with arrays for header and payload', `Bearer ${json([])}.${json([])}.`],
  ['Bearer, RS256 header and a garbage signature', `Bearer ${json({ alg: 'RS256', kid: idp.key.kid })}.${fakeClaims}.c2lnbmF0dXJl`],
  ['Bearer, a kid that is an object', `Bearer ${json({ alg: 'RS256', kid: { nested: true } })}.${fakeClaims}.c2ln`],
  ['Bearer, an unknown critical header', `Bearer ${json({ alg: 'RS256', kid: idp.key.kid, crit: ['x-unknown'], 'x-unknown': 1 })}.${fakeClaims}.c2ln`],
  ['Bearer, an unknown algorithm', `Bearer ${json({ alg: 'XX999', kid: idp.key.kid })}.${fakeClaims}.c2ln`],
  ['Bearer, alg none', `Bearer ${json({ alg: 'none' })}.${fakeClaims}.`],
  ['Bearer, a JWT for another audience', async () => `Bearer ${await idp.token({ aud: 'elsewhere' })}`],
  ['Bearer, a JWT signed by an unpublished key', async () => `Bearer ${await idp.token({}, strangerKey)}`],
  ['Bearer, API token key with a wrong secret', `Bearer ${TOKEN_KEY}.wrong`],
  ['Bearer, API token key and wrong secret with a colon', `Bearer ${TOKEN_KEY}:wrong`],
  ['Bearer, API token key with an empty secret', `Bearer ${TOKEN_KEY}.`],
  ['Bearer, a secret without its key', `Bearer .${TOKEN_SECRET}`],
  ['Bearer, the secret alone', `Bearer ${TOKEN_SECRET}`],
  ['Bearer, expired API token with its right secret', `Bearer ${OLD_TOKEN_KEY}.${OLD_TOKEN_SECRET}`],
  ['Bearer, the user\'s Basic credentials', `Bearer ${goodB64}`],
  ['Bearer, the user\'s user:password', `Bearer ${USER}:${PASSWORD}`],
  ['Bearer, the API token after a tab', `Bearer\t${TOKEN_KEY}.${TOKEN_SECRET}`],
  ['Bearer, several spaces then a wrong token', `Bearer    ${TOKEN_KEY}.nope`],
  ['unknown scheme Token with a good API token', `Token ${TOKEN_KEY}.${TOKEN_SECRET}`],
  ['unknown scheme ApiKey', `ApiKey ${TOKEN_SECRET}`],
  ['Digest', 'Digest username="alice", realm="Contract Registry", nonce="1", uri="/subjects", response="0"'],
  ['Negotiate', 'Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg'],
  ['AWS4-HMAC-SHA256 (a scheme with digits and dashes)', 'AWS4-HMAC-SHA256 Credential=AKID/20260101/eu/sr/aws4_request, Signature=00'],
  ['the header twice, a bad one first', ['Basic garbage!!', goodBasic]],
];

const authFile = (anonymousReads: boolean) => ({
  users: [{ name: USER, passwordHash }],
  tokens: [
    { key: TOKEN_KEY, secretHash: hashSecret(TOKEN_SECRET) },
    { key: OLD_TOKEN_KEY, secretHash: hashSecret(OLD_TOKEN_SECRET), expires: '2020-01-01T00:00:00Z' },
  ],
  oidc: { issuer: idp.issuer, audience: OIDC_AUDIENCE },
  rules: [
    // With good credentials every route below answers 200.
    { principals: [USER, TOKEN_KEY, OLD_TOKEN_KEY], operations: ['read', 'write', 'config_read'], subjectPrefixes: [''], global: true },
    ...(anonymousReads ? [{ principals: ['anonymous'], operations: ['read', 'config_read'], subjectPrefixes: [''], global: true }] : []),
  ],
});

const ROUTES: Array<Omit<HttpCall, 'headers' | 'localAddress'>> = [
  { method: 'GET', path: '/subjects' },
  { method: 'POST', path: '/subjects/x/versions', json: { schema: customerSchema() } },
  { method: 'GET', path: '/schemas/ids/1' },
  { method: 'GET', path: '/config' },
];
const routeName = (route: (typeof ROUTES)[number]) => `${route.method} ${route.path}`;

const nextAddress = loopbackAddresses(40);

async function startWith(anonymousReads: boolean): Promise<SecuredServer> {
  const server = await startSecuredServer(authFile(anonymousReads));
  // Schema id 1, under subject x, so that every route has something to answer.
  const registered = await send(server.url, { ...ROUTES[1]!, headers: { authorization: goodBasic }, localAddress: nextAddress() });
  assert.equal(registered.status, 200, registered.body);
  return server;
}

function assertUnauthorized(answer: HttpAnswer, what: string): void {
  assert.equal(answer.status, 401, `${what}: ${answer.status} ${answer.body}`);
  assert.equal(answer.body, UNAUTHORIZED_BODY, what);
  assert.match(String(answer.headers['content-type']), /^application\/vnd\.schemaregistry\.v1\+json/, what);
}

for (const anonymousReads of [false, true]) {
  describe(anonymousReads ? 'anonymous may read everything' : 'no anonymous access', () => {
    let server: SecuredServer;
    before(async () => {
      server = await startWith(anonymousReads);
    });
    after(async () => {
      await server?.dispose();
    });

    test('control: good credentials of each kind are served on every route', async () => {
      const good = [goodBasic, basicAuthorization(TOKEN_KEY, TOKEN_SECRET), `Bearer ${TOKEN_KEY}.${TOKEN_SECRET}`];
      for (const authorization of good) {
        for (const route of ROUTES) {
          const answer = await send(server.url, { ...route, headers: { authorization }, localAddress: nextAddress() });
          assert.equal(answer.status, 200, `${routeName(route)}: ${answer.body}`);
        }
      }
    });

    test(
      anonymousReads
        ? 'control: no header at all is served as anonymous: reads, and re-registering what is there (200), but no new version (401)'
        : 'control: no header at all is asked to authenticate (401)',
      async () => {
        for (const route of ROUTES) {
          const answer = await send(server.url, { ...route, localAddress: nextAddress() });
          // Registering a schema the subject already has only reads, so anonymous may.
          if (anonymousReads) assert.equal(answer.status, 200, `${routeName(route)}: ${answer.body}`);
          else assertUnauthorized(answer, routeName(route));
        }
        const write = await send(server.url, { ...ROUTES[1]!, json: { schema: customerSchema(1) }, localAddress: nextAddress() });
        assertUnauthorized(write, 'a new version without a header');
      },
    );

    describe('every malformed or wrong credential is answered 401 on every route', { skip: LOOPBACK_ALIASES_MISSING }, () => {
      for (const [name, header] of BAD_HEADERS) {
        test(name, async () => {
          const authorization = typeof header === 'function' ? await header() : header;
          for (const route of ROUTES) {
            // Capitalised, because Node's types allow an array (the header sent twice) only under the index signature.
            const answer = await send(server.url, { ...route, headers: { Authorization: authorization }, localAddress: nextAddress() });
            assertUnauthorized(answer, routeName(route));
          }
        });
      }
    });

    test('the bad credentials changed nothing: subject x still has its one version', async () => {
      const answer = await send(server.url, { path: '/subjects/x/versions', headers: { authorization: goodBasic }, localAddress: nextAddress() });
      assert.equal(answer.status, 200, answer.body);
      assert.deepEqual(JSON.parse(answer.body), [1]);
    });
  });
}

describe('an address that keeps failing', () => {
  let server: SecuredServer;
  before(async () => {
    server = await startWith(true);
  });
  after(async () => {
    await server?.dispose();
  });

  test('is slowed down, not answered differently: still 401 each time, and still served with good credentials', async () => {
    const address = nextAddress();
    // More failures than the throttle lets through without a delay (5 a minute).
    for (let i = 0; i < 8; i++) {
      const answer = await send(server.url, { path: '/subjects', headers: { authorization: basicAuthorization(USER, `wrong-${i}`) }, localAddress: address });
      assertUnauthorized(answer, `failure ${i + 1}`);
    }
    const anonymous = await send(server.url, { path: '/subjects', localAddress: address });
    assert.equal(anonymous.status, 200, anonymous.body);
    const good = await send(server.url, { path: '/subjects', headers: { authorization: goodBasic }, localAddress: address });
    assert.equal(good.status, 200, good.body);
    assert.deepEqual(JSON.parse(good.body), ['x']);
  });
});

/**
 * OIDC bearer tokens against a real identity provider stand-in: an HTTP server
 * on 127.0.0.1 publishing a discovery document and a JWKS, with tokens signed
 * here by jose. A valid token yields its principal, groups and expiry; every
 * other token, and every provider failure, is refused with an
 * AuthenticationFailure and a short reason. Times are set relative to now and
 * judged through the clock tolerance, never by sleeping.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import { base64url, CompactSign, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { AuthenticationFailure } from '../../security/authentication-failure.js';
import { createOidcVerifier, looksLikeJwt, type OidcConfig } from '../../security/oidc.js';

const AUDIENCE = 'contract-registry';

interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string, alg: 'RS256' | 'ES256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

const rsa = await signingKey('rsa-1', 'RS256');
const ec = await signingKey('ec-1', 'ES256');

type Behaviour = 'ok' | 500 | 'html' | 'not-jwks' | 'hang';

/** The identity provider: what it publishes can be changed while it runs. */
class Provider {
  readonly server: Server;
  issuer = '';
  /** The `issuer` the discovery document announces; the real one unless a test changes it. */
  announcedIssuer?: string;
  jwksUri?: string;
  keys: JWK[] = [rsa.jwk, ec.jwk];
  discovery: Behaviour = 'ok';
  jwks: Behaviour = 'ok';
  discoveryRequests = 0;
  jwksRequests = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const discovery = req.url === '/realms/main/.well-known/openid-configuration';
      if (!discovery && req.url !== '/realms/main/jwks') return void res.writeHead(404).end();
      if (discovery) this.discoveryRequests++;
      else this.jwksRequests++;
      const behaviour = discovery ? this.discovery : this.jwks;
      if (behaviour === 'hang') return;
      if (behaviour === 500) return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
      if (behaviour === 'html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login</body></html>');
      if (behaviour === 'not-jwks') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":"none"}');
      const body = discovery
        ? { issuer: this.announcedIssuer ?? this.issuer, jwks_uri: this.jwksUri ?? `${this.issuer}/jwks` }
        : { keys: this.keys };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  }

  static async start(t: TestContext): Promise<Provider> {
    const provider = new Provider();
    await new Promise<void>((resolve) => provider.server.listen(0, '127.0.0.1', resolve));
    provider.issuer = `http://127.0.0.1:${(provider.server.address() as AddressInfo).port}/realms/main`;
    t.after(() => {
      provider.server.closeAllConnections();
      return new Promise<void>((resolve) => provider.server.close(() => resolve()));
    });
    return provider;
  }

  verifier(config: Partial<OidcConfig> = {}) {
    return createOidcVerifier({ issuer: this.issuer, audience: AUDIENCE, ...config });
  }

  /** Claims a valid token carries, with `overrides` applied (an `undefined` value removes the claim). */
  claims(overrides: Record<string, unknown> = {}): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = { iss: this.issuer, aud: AUDIENCE, sub: 'alice', iat: now, exp: now + 300, ...overrides };
    return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  }

  token(overrides: Record<string, unknown> = {}, key: SigningKey = rsa): Promise<string> {
    return new SignJWT(this.claims(overrides)).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
  }
}

const now = () => Math.floor(Date.now() / 1000);
const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

/** The reason of the AuthenticationFailure `promise` rejects with (and fails on anything else). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AuthenticationFailure, `expected an AuthenticationFailure, got ${String(err)}`);
    return err.reason;
  }
  assert.fail('the token was accepted');
}

describe('valid tokens', () => {
  test('a token signed by a published RSA key yields its subject, groups and expiry', async (t) => {
    const provider = await Provider.start(t);
    const exp = now() + 120;
    const identity = await provider.verifier().verify(await provider.token({ exp, groups: ['registry-admins'] }));
    assert.deepEqual(identity, { principal: 'alice', groups: ['registry-admins'], expiresAt: exp * 1000 });
  });

  test('the principal can come from a configured claim, here with an EC key', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier({ principalClaim: 'preferred_username' });
    const identity = await verifier.verify(await provider.token({ preferred_username: 'alice.smith' }, ec));
    assert.equal(identity.principal, 'alice.smith');
    assert.deepEqual(identity.groups, []);
  });

  test('groups from a nested claim and from groups are merged without duplicates', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier({ groupsClaims: ['realm_access.roles', 'groups', 'team'] });
    const token = await provider.token({ realm_access: { roles: ['admin', 'developer'] }, groups: ['developer', 'ops', 7], team: 'payments' });
    assert.deepEqual((await verifier.verify(token)).groups, ['admin', 'developer', 'ops', 'payments']);
  });

  test('one of several configured audiences is enough, and one of several in the token', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier({ audience: ['other-api', AUDIENCE] });
    assert.equal((await verifier.verify(await provider.token({ aud: ['account', AUDIENCE] }))).principal, 'alice');
  });

  test('a token expired 10 s ago is within the 30 s clock tolerance', async (t) => {
    const provider = await Provider.start(t);
    const identity = await provider.verifier().verify(await provider.token({ iat: now() - 300, exp: now() - 10 }));
    assert.equal(identity.principal, 'alice');
  });

  test('discovery is read once and kept', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    for (let i = 0; i < 3; i++) await verifier.verify(await provider.token());
    assert.equal(provider.discoveryRequests, 1);
    assert.equal(provider.jwksRequests, 1);
  });

  test('a configured jwksUrl is used without discovery', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier({ jwksUrl: `${provider.issuer}/jwks` });
    assert.equal((await verifier.verify(await provider.token())).principal, 'alice');
    assert.equal(provider.discoveryRequests, 0);
  });
});

describe('refused claims', () => {
  test('a token expired beyond the clock tolerance', async (t) => {
    const provider = await Provider.start(t);
    assert.equal(await refusal(provider.verifier().verify(await provider.token({ iat: now() - 600, exp: now() - 60 }))), 'token expired');
  });

  test('a token without exp', async (t) => {
    const provider = await Provider.start(t);
    assert.equal(await refusal(provider.verifier().verify(await provider.token({ exp: undefined }))), 'missing claim exp');
  });

  test('a token for another audience, or for none', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    assert.equal(await refusal(verifier.verify(await provider.token({ aud: 'another-service' }))), 'wrong audience');
    assert.equal(await refusal(verifier.verify(await provider.token({ aud: undefined }))), 'missing claim aud');
  });

  test('a token from another issuer, or from none', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    assert.equal(await refusal(verifier.verify(await provider.token({ iss: 'https://evil.example.com/realms/main' }))), 'wrong issuer');
    assert.equal(await refusal(verifier.verify(await provider.token({ iss: undefined }))), 'missing claim iss');
  });

  test('a token without the principal claim', async (t) => {
    const provider = await Provider.start(t);
    assert.equal(await refusal(provider.verifier().verify(await provider.token({ sub: undefined }))), 'missing claim sub');
    const verifier = provider.verifier({ principalClaim: 'preferred_username' });
    assert.equal(await refusal(verifier.verify(await provider.token({ preferred_username: 42 }))), 'missing claim preferred_username');
  });

  test('a token not valid yet (nbf beyond the tolerance)', async (t) => {
    const provider = await Provider.start(t);
    assert.equal(await refusal(provider.verifier().verify(await provider.token({ nbf: now() + 120 }))), 'token not yet valid');
  });

  test('a token signed by a published key but altered afterwards', async (t) => {
    const provider = await Provider.start(t);
    const [header, , signature] = (await provider.token()).split('.');
    const forged = `${header}.${encode(provider.claims({ sub: 'root' }))}.${signature}`;
    assert.equal(await refusal(provider.verifier().verify(forged)), 'signature invalid');
  });
});

describe('signing keys', () => {
  test('an unknown kid makes the verifier refetch the JWKS once, then refuse; once published, the rotated key is accepted', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier({ jwksCooldownSeconds: 0 });
    await verifier.verify(await provider.token());
    assert.equal(provider.jwksRequests, 1);

    const rotated = await signingKey('rsa-2', 'RS256');
    const token = await provider.token({}, rotated);
    assert.equal(await refusal(verifier.verify(token)), 'unknown signing key');
    assert.equal(provider.jwksRequests, 2);

    provider.keys = [rsa.jwk, rotated.jwk];
    assert.equal((await verifier.verify(token)).principal, 'alice');
    assert.equal(provider.jwksRequests, 3);
    await verifier.verify(await provider.token({ sub: 'bob' }, rotated));
    assert.equal(provider.jwksRequests, 3, 'a known key needs no fetch');
  });

  test('unknown kids do not refetch within the cooldown, so forged kids cannot hammer the provider', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    await verifier.verify(await provider.token());
    for (let i = 0; i < 5; i++) {
      const forged = await provider.token({}, await signingKey(`forged-${i}`, 'ES256'));
      assert.equal(await refusal(verifier.verify(forged)), 'unknown signing key');
    }
    assert.equal(provider.jwksRequests, 1);
  });

  test('alg none is refused, even when listed in the configuration', async (t) => {
    const provider = await Provider.start(t);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(provider.claims())}.`;
    assert.equal(await refusal(provider.verifier().verify(unsigned)), 'algorithm not allowed');
    assert.equal(await refusal(provider.verifier({ algorithms: ['none', 'RS256'] }).verify(unsigned)), 'algorithm not allowed');
    const withKid = `${encode({ alg: 'none', kid: rsa.kid })}.${encode(provider.claims())}.`;
    assert.equal(await refusal(provider.verifier({ algorithms: ['NONE'] }).verify(withKid)), 'algorithm not allowed');
    assert.equal(provider.jwksRequests, 0, 'refused before any key is looked up');
  });

  test('HS256 with the RSA public key as HMAC secret (key confusion) is refused, even when listed', async (t) => {
    const provider = await Provider.start(t);
    const pem = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const confused = await new SignJWT(provider.claims()).setProtectedHeader({ alg: 'HS256', kid: rsa.kid, typ: 'JWT' }).sign(pem);
    const jwkBytes = new TextEncoder().encode(JSON.stringify(rsa.jwk));
    const confusedJwk = await new SignJWT(provider.claims()).setProtectedHeader({ alg: 'HS256', kid: rsa.kid }).sign(jwkBytes);
    for (const verifier of [provider.verifier(), provider.verifier({ algorithms: ['HS256', 'HS512', 'RS256'] })]) {
      assert.equal(await refusal(verifier.verify(confused)), 'algorithm not allowed');
      assert.equal(await refusal(verifier.verify(confusedJwk)), 'algorithm not allowed');
      assert.equal((await verifier.verify(await provider.token())).principal, 'alice');
    }
  });

  test('an algorithm outside the configured list is refused', async (t) => {
    const provider = await Provider.start(t);
    assert.equal(await refusal(provider.verifier({ algorithms: ['RS256'] }).verify(await provider.token({}, ec))), 'algorithm not allowed');
  });
});

describe('malformed input', () => {
  test('garbage tokens are refused with an AuthenticationFailure', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    const rsaHeader = encode({ alg: 'RS256', kid: rsa.kid });
    const signedNonJson = await new CompactSign(new TextEncoder().encode('not json')).setProtectedHeader({ alg: 'RS256', kid: rsa.kid }).sign(rsa.privateKey);
    const signedArray = await new CompactSign(new TextEncoder().encode('["a"]')).setProtectedHeader({ alg: 'RS256', kid: rsa.kid }).sign(rsa.privateKey);
    const garbage: unknown[] = [
      '',
      'a.b.c',
      '...',
      randomBytes(64).toString('base64'),
      randomBytes(64).toString('base64url'),
      `${randomBytes(30).toString('base64url')}.${randomBytes(30).toString('base64url')}.${randomBytes(30).toString('base64url')}`,
      'x'.repeat(100 * 1024),
      `${rsaHeader}.${'A'.repeat(100 * 1024)}.sig`,
      `${encode('just a string')}.${encode(provider.claims())}.c2ln`,
      `${base64url.encode('{not json')}.${encode(provider.claims())}.c2ln`,
      `${rsaHeader}.${base64url.encode('not json')}.c2ln`,
      `${rsaHeader}.${encode(provider.claims())}.***`,
      `${encode({ alg: 'RS256', kid: rsa.kid, crit: ['exp'] })}.${encode(provider.claims())}.c2ln`,
      `${encode({ kid: rsa.kid })}.${encode(provider.claims())}.c2ln`,
      signedNonJson,
      signedArray,
      undefined,
      null,
      42,
      { toString: () => 'a.b.c' },
    ];
    for (const token of garbage) {
      await refusal(verifier.verify(token as string));
    }
  });

  test('claims of the wrong type are refused', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    assert.equal(await refusal(verifier.verify(await provider.token({ exp: 'tomorrow' }))), 'invalid claim exp');
    assert.equal(await refusal(verifier.verify(await provider.token({ aud: { AUDIENCE } }))), 'wrong audience');
    assert.equal(await refusal(verifier.verify(await provider.token({ iss: ['x'] }))), 'wrong issuer');
  });
});

describe('the identity provider', () => {
  test('a discovery document announcing another issuer is refused', async (t) => {
    const provider = await Provider.start(t);
    provider.announcedIssuer = 'https://evil.example.com/realms/main';
    assert.equal(await refusal(provider.verifier().verify(await provider.token())), 'identity provider issuer mismatch');
    assert.equal(provider.jwksRequests, 0);
  });

  test('a discovered jwks_uri that is plain http off loopback is refused', async (t) => {
    const provider = await Provider.start(t);
    provider.jwksUri = 'http://idp.example.com/jwks';
    assert.equal(await refusal(provider.verifier().verify(await provider.token())), 'identity provider jwks_uri unusable');
  });

  test('a JWKS endpoint answering 500 is a refusal; a later request succeeds once it recovers', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    const token = await provider.token();
    provider.jwks = 500;
    assert.equal(await refusal(verifier.verify(token)), 'identity provider unreachable');
    provider.jwks = 'html';
    assert.equal(await refusal(verifier.verify(token)), 'identity provider unreachable');
    provider.jwks = 'not-jwks';
    assert.equal(await refusal(verifier.verify(token)), 'identity provider keys unusable');
    provider.jwks = 'ok';
    assert.equal((await verifier.verify(token)).principal, 'alice');
    assert.equal(provider.discoveryRequests, 1, 'the discovery document was kept');
  });

  test('a failed discovery is not kept: the next request retries it', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    const token = await provider.token();
    provider.discovery = 500;
    assert.equal(await refusal(verifier.verify(token)), 'identity provider unreachable');
    provider.discovery = 'html';
    assert.equal(await refusal(verifier.verify(token)), 'identity provider unreachable');
    provider.discovery = 'ok';
    assert.equal((await verifier.verify(token)).principal, 'alice');
    assert.equal(provider.discoveryRequests, 3);
  });

  test('a provider that is down is a refusal', async (t) => {
    const provider = await Provider.start(t);
    const verifier = provider.verifier();
    const token = await provider.token();
    provider.server.closeAllConnections();
    await new Promise((resolve) => provider.server.close(resolve));
    assert.equal(await refusal(verifier.verify(token)), 'identity provider unreachable');
  });

  test('a provider that never answers is a refusal after the timeout', async (t) => {
    const [hangingDiscovery, hangingJwks] = [await Provider.start(t), await Provider.start(t)];
    hangingDiscovery.discovery = 'hang';
    hangingJwks.jwks = 'hang';
    const reasons = await Promise.all([
      refusal(hangingDiscovery.verifier().verify(await hangingDiscovery.token())),
      refusal(hangingJwks.verifier().verify(await hangingJwks.token())),
    ]);
    assert.deepEqual(reasons, ['identity provider unreachable', 'identity provider unreachable']);
  });
});

describe('configuration', () => {
  test('a discovery or JWKS URL must be https unless on loopback', () => {
    assert.throws(() => createOidcVerifier({ issuer: 'http://idp.example.com/realms/main', audience: AUDIENCE }), /https/);
    assert.throws(() => createOidcVerifier({ issuer: 'https://idp.example.com', audience: AUDIENCE, jwksUrl: 'http://idp.example.com/jwks' }), /https/);
    assert.throws(() => createOidcVerifier({ issuer: 'not a url', audience: AUDIENCE }), /https/);
    for (const issuer of ['https://idp.example.com/realms/main', 'http://localhost:8080', 'http://127.0.0.2:8080', 'http://[::1]:8080']) {
      assert.ok(createOidcVerifier({ issuer, audience: AUDIENCE }));
    }
  });

  test('an issuer and an audience are required', () => {
    assert.throws(() => createOidcVerifier({ issuer: '', audience: AUDIENCE }));
    assert.throws(() => createOidcVerifier({ issuer: 'https://idp.example.com', audience: [] }));
  });
});

describe('looksLikeJwt', () => {
  test('three base64url segments are a JWT', async (t) => {
    const provider = await Provider.start(t);
    assert.equal(looksLikeJwt(await provider.token()), true);
    assert.equal(looksLikeJwt('a.b.c'), true);
    assert.equal(looksLikeJwt(`${encode({ alg: 'none' })}.${encode({ sub: 'x' })}.`), true, 'an unsigned JWT is routed to OIDC, which refuses it');
  });

  test('anything else is not', () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '.b.c', 'a..c', 'a.b+c.d', 'a=.b.c', 'a b.c.d', 'creg_0123456789abcdef', 'x'.repeat(100 * 1024) + '.a.b']) {
      assert.equal(looksLikeJwt(token), false, token.slice(0, 40));
    }
  });
});

/**
 * A registry with authentication on, for the security tests: the real server
 * (`startServer`, as `creg serve` runs it) over a fresh database of a backend,
 * reading an auth file written to a temporary folder; a local OpenID Connect
 * identity provider (a real HTTP server on 127.0.0.1 publishing a discovery
 * document and a JWKS, tokens signed here with jose); and a raw HTTP request
 * helper that can pick its loopback source address, so that tests sending
 * many bad credentials do not run into the failure throttle of one address.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { pino } from 'pino';
import { startServer, type RunningServer, type ServerOptions } from '../../cli/server.js';
import { sqlite, type Backend } from './backends.js';

export const OIDC_AUDIENCE = 'contract-registry';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as SPKI PEM text (what a key-confusion attacker would use as an HMAC secret). */
  publicPem: string;
  jwk: JWK;
}

export async function rsaSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    publicKey,
    publicPem: await exportSPKI(publicKey),
    jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export interface IdentityProvider {
  /** `http://127.0.0.1:<port>/realms/test`: the `iss` of its tokens and where discovery is read. */
  issuer: string;
  /** The key it publishes and signs with. */
  key: SigningKey;
  /** Claims of a valid token (iss, aud, sub, iat, exp five minutes ahead), with `overrides` applied; an `undefined` value removes a claim. */
  claims(overrides?: Record<string, unknown>): JWTPayload;
  /** A token signed RS256 with the published key (or `key`), with the claims above. */
  token(overrides?: Record<string, unknown>, key?: SigningKey): Promise<string>;
  close(): Promise<void>;
}

export async function startIdentityProvider(): Promise<IdentityProvider> {
  const key = await rsaSigningKey('test-key-1');
  let issuer = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/realms/test/.well-known/openid-configuration') {
      return json({ issuer, jwks_uri: `${issuer}/protocol/openid-connect/certs`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (path === '/realms/test/protocol/openid-connect/certs') return json({ keys: [key.jwk] });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;

  const claims = (overrides: Record<string, unknown> = {}): JWTPayload => {
    const now = Math.floor(Date.now() / 1000);
    const all: Record<string, unknown> = { iss: issuer, aud: OIDC_AUDIENCE, sub: 'oidc-user', iat: now, exp: now + 300, ...overrides };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined));
  };
  return {
    issuer,
    key,
    claims,
    token: (overrides, signer = key) =>
      new SignJWT(claims(overrides)).setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' }).sign(signer.privateKey),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SecuredServer extends RunningServer {
  /** The temporary folder holding the auth file and the audit log. */
  dir: string;
  authFilePath: string;
  /** Stops the server, removes its database and its folder. */
  dispose(): Promise<void>;
}

/** What a test may change in how the server is started. */
export type SecuredServerOptions = Partial<Pick<ServerOptions, 'logger' | 'tls' | 'auditReads'>>;

/**
 * Starts the registry with `authFile` over a fresh database of `backend`:
 * text is written as it is (YAML or JSON), anything else as JSON. Its audit
 * trail goes to `audit.jsonl` in its folder.
 */
export async function startSecuredServer(authFile: unknown, backend: Backend = sqlite, options: SecuredServerOptions = {}): Promise<SecuredServer> {
  const dir = await mkdtemp(join(tmpdir(), 'creg-secured-'));
  const authFilePath = join(dir, typeof authFile === 'string' ? 'auth.yaml' : 'auth.json');
  await writeFile(authFilePath, typeof authFile === 'string' ? authFile : JSON.stringify(authFile, null, 2));
  const fresh = await backend.freshDatabase().catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  let running: RunningServer;
  try {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: fresh.url,
      logger: pino({ level: 'silent' }),
      authFile: authFilePath,
      auditLog: join(dir, 'audit.jsonl'),
      ...options,
    });
  } catch (error) {
    await fresh.dispose();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...running,
    dir,
    authFilePath,
    async dispose() {
      await running.close();
      await fresh.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The value of an `Authorization` header for HTTP Basic. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpCall {
  method?: string;
  path: string;
  headers?: OutgoingHttpHeaders;
  /** Sent as JSON with Confluent's content type. */
  json?: unknown;
  /** The loopback address to send from (e.g. `127.0.0.7`). */
  localAddress?: string;
}

/**
 * One request with `node:http`, which sends header values as they are
 * (characters up to U+00FF as single bytes, so non-UTF-8 bytes can be sent),
 * on a fresh connection from `localAddress`.
 */
export function send(baseUrl: string, call: HttpCall): Promise<HttpAnswer> {
  const url = new URL(call.path, baseUrl);
  const body = call.json === undefined ? undefined : Buffer.from(JSON.stringify(call.json));
  const headers: OutgoingHttpHeaders = { ...call.headers };
  if (body) {
    headers['content-type'] = 'application/vnd.schemaregistry.v1+json';
    headers['content-length'] = body.length;
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: call.method ?? 'GET',
        headers,
        localAddress: call.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function bindable(address: string): Promise<boolean> {
  const probe = createNetServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(0, address, () => probe.close(() => resolve(true)));
  });
}

/**
 * Why tests that send many bad credentials are skipped here, or undefined
 * when they run: Linux routes all of 127.0.0.0/8 to loopback, macOS only
 * 127.0.0.1 unless aliases are added.
 */
export const LOOPBACK_ALIASES_MISSING: string | undefined = (await bindable('127.10.0.1'))
  ? undefined
  : 'only 127.0.0.1 is a usable loopback address here (on macOS add aliases: sudo ifconfig lo0 alias 127.10.0.1 …), ' +
    'and from one address the failure throttle would slow these tests down to minutes';

/**
 * Hands out loopback source addresses, a new one per call (127.<first>.x.y),
 * so that no address ever collects enough failures to be slowed down by the
 * registry's failure throttle (5 free failures per address and minute).
 * Where only 127.0.0.1 works (see LOOPBACK_ALIASES_MISSING) it hands out
 * undefined: the system's choice.
 */
export function loopbackAddresses(first = 10): () => string | undefined {
  let n = 0;
  return () => {
    if (LOOPBACK_ALIASES_MISSING) return undefined;
    const i = n++;
    return `127.${first + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${1 + (i % 250)}`;
  };
}

export const UNAUTHORIZED_BODY = '{"error_code":401,"message":"Unauthorized"}';

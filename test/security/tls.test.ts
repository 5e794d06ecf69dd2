/**
 * HTTPS served by the registry itself: `--tls-cert/--tls-key` (checked
 * through `creg serve` in a child process, and in-process with `startServer`)
 * and `--tls-ca`, which asks for client certificates: one the CA signed names
 * its subject CN as the principal (rules and the audit trail see it, with
 * method `mtls`); one it did not sign is a refused credential (401, never
 * anonymous); none leaves the caller to a header or to anonymous. The
 * certificates are made by the test with `openssl`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AuditEvent } from '../../contracts/audit.js';
import { hashPassword } from '../../security/passwords.js';
import { customerSchema } from '../support/avro-fixtures.js';
import { sqlite } from '../support/backends.js';
import { serveRegistry } from '../support/registry-process.js';
import { basicAuthorization, startSecuredServer, type SecuredServer } from '../support/secured-registry.js';

interface Pems {
  dir: string;
  /** PEM file paths. */
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate for the same CN, self-signed (no CA vouches for it). */
  rogueCert: string;
  rogueKey: string;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

async function makeCertificates(): Promise<Pems> {
  const dir = await mkdtemp(join(tmpdir(), 'creg-tls-'));
  const key = (name: string) => openssl(dir, 'genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', name);
  key('ca.key');
  openssl(dir, 'req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=Test CA', '-days', '2', '-out', 'ca.pem');
  /** A key and a certificate the CA signs, with the extensions of `<name>.ext`. */
  const signed = (name: string, subject: string) => {
    key(`${name}.key`);
    openssl(dir, 'req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
    openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
  };
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  signed('server', '/CN=127.0.0.1');
  signed('client', '/O=Example/CN=ci-producer');
  key('rogue.key');
  openssl(dir, 'req', '-x509', '-new', '-key', 'rogue.key', '-subj', '/CN=ci-producer', '-days', '2', '-out', 'rogue.pem');
  return {
    dir,
    caCert: join(dir, 'ca.pem'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server.key'),
    clientCert: join(dir, 'client.pem'),
    clientKey: join(dir, 'client.key'),
    rogueCert: join(dir, 'rogue.pem'),
    rogueKey: join(dir, 'rogue.key'),
  };
}

interface Answer {
  status: number;
  body: string;
}

/** One HTTPS request trusting the test CA, with the client certificate and headers given. */
async function https(url: string, path: string, options: { cert?: string; key?: string; authorization?: string; method?: string; json?: unknown } = {}): Promise<Answer> {
  const target = new URL(path, url);
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  const request: RequestOptions = {
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    method: options.method ?? 'GET',
    ca: await readFile(pems.caCert),
    cert: options.cert && (await readFile(options.cert)),
    key: options.key && (await readFile(options.key)),
    agent: false,
    headers: {
      ...(options.authorization ? { authorization: options.authorization } : {}),
      ...(body ? { 'content-type': 'application/vnd.schemaregistry.v1+json' } : {}),
    },
  };
  return new Promise((resolve, reject) => {
    const req = httpsRequest(request, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let pems: Pems;
const ADMIN = basicAuthorization('admin', 'admin password');

before(async () => {
  pems = await makeCertificates();
});
after(() => rm(pems.dir, { recursive: true, force: true }));

describe('creg serve --tls-cert --tls-key', () => {
  it('serves HTTPS with the certificate, and nothing in plain HTTP', async () => {
    const database = await sqlite.freshDatabase();
    const node = await serveRegistry(database.url, { CREG_TLS_CERT: pems.serverCert, CREG_TLS_KEY: pems.serverKey });
    try {
      assert.match(node.url, /^https:\/\/127\.0\.0\.1:\d+$/);
      const registered = await https(node.url, '/subjects/orders-value/versions', { method: 'POST', json: { schema: customerSchema() } });
      assert.equal(registered.status, 200, registered.body);
      assert.deepEqual(JSON.parse((await https(node.url, '/subjects')).body), ['orders-value']);
      const plain = await new Promise<string>((resolve) => {
        const req = httpRequest(`${node.url.replace('https:', 'http:')}/subjects`, { agent: false }, (res) => resolve(`HTTP ${res.statusCode}`));
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        req.end();
      });
      assert.doesNotMatch(plain, /HTTP 200/, 'plain HTTP gets no answer from the TLS port');
    } finally {
      await node.stop();
      await database.dispose();
    }
  });

  it('refuses to start with half a pair or a CA without a certificate', async () => {
    const database = await sqlite.freshDatabase();
    try {
      await assert.rejects(serveRegistry(database.url, { CREG_TLS_CERT: pems.serverCert }), /--tls-cert and --tls-key go together/);
      await assert.rejects(serveRegistry(database.url, { CREG_TLS_CA: pems.caCert }), /--tls-ca needs --tls-cert and --tls-key/);
    } finally {
      await database.dispose();
    }
  });
});

describe('--tls-ca: client certificates name principals', () => {
  let server: SecuredServer;
  before(async () => {
    server = await startSecuredServer(
      {
        users: [{ name: 'admin', passwordHash: await hashPassword('admin password') }],
        rules: [
          { principals: ['admin'], operations: ['read', 'write', 'delete'], subjectPrefixes: [''] },
          { principals: ['admin'], operations: ['audit'], global: true },
          { principals: ['ci-producer'], operations: ['read', 'write'], subjectPrefixes: ['orders-'] },
        ],
      },
      sqlite,
      { tls: { cert: pems.serverCert, key: pems.serverKey, ca: pems.caCert } },
    );
    for (const subject of ['orders-value', 'payments-value']) {
      const registered = await https(server.url, `/subjects/${subject}/versions`, { method: 'POST', authorization: ADMIN, json: { schema: customerSchema() } });
      assert.equal(registered.status, 200, registered.body);
    }
  });
  after(() => server?.dispose());

  const client = () => ({ cert: pems.clientCert, key: pems.clientKey });

  it('a certificate the CA signed is its CN, with exactly that principal’s rights', async () => {
    assert.equal((await https(server.url, '/subjects/orders-value/versions', client())).status, 200);
    const denied = await https(server.url, '/subjects/payments-value/versions', client());
    assert.equal(denied.status, 403);
    assert.deepEqual(JSON.parse(denied.body), { error_code: 40301, message: 'User is denied operation Read on Subject: payments-value' });
    assert.deepEqual(JSON.parse((await https(server.url, '/subjects', client())).body), ['orders-value']);
    const registered = await https(server.url, '/subjects/orders-value/versions', { ...client(), method: 'POST', json: { schema: customerSchema(2) } });
    assert.equal(registered.status, 200, registered.body);
    // The schema-by-id path judges the certificate too (it is not the anonymous caller).
    assert.equal((await https(server.url, `/schemas/ids/${JSON.parse(registered.body).id}`, client())).status, 200);
  });

  it('a certificate no CA vouches for is refused, never anonymous', async () => {
    for (const path of ['/subjects', '/subjects/orders-value/versions', '/schemas/ids/1']) {
      const refused = await https(server.url, path, { cert: pems.rogueCert, key: pems.rogueKey });
      assert.equal(refused.status, 401, path);
      assert.deepEqual(JSON.parse(refused.body), { error_code: 401, message: 'Unauthorized' });
    }
  });

  it('without a certificate the caller is a header or anonymous', async () => {
    assert.equal((await https(server.url, '/subjects/orders-value/versions')).status, 401);
    assert.equal((await https(server.url, '/subjects/payments-value/versions', { authorization: ADMIN })).status, 200);
    // A header and a certificate: the header names the caller.
    assert.equal((await https(server.url, '/subjects/payments-value/versions', { ...client(), authorization: ADMIN })).status, 200);
  });

  it('the audit trail names the certificate’s principal and method', async () => {
    let events: AuditEvent[] = [];
    for (let i = 0; i < 250 && !events.some((event) => event.authMethod === 'mtls' && event.operation === 'write'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      events = JSON.parse((await https(server.url, '/contract-registry/v1/audit?principal=ci-producer', { authorization: ADMIN })).body) as AuditEvent[];
    }
    const write = events.find((event) => event.operation === 'write');
    assert.ok(write, JSON.stringify(events));
    assert.equal(write.principal, 'ci-producer');
    assert.equal(write.authMethod, 'mtls');
    assert.ok(events.some((event) => event.outcome === 'denied' && event.resource === 'Subject:payments-value'));
    const refused = (JSON.parse((await https(server.url, '/contract-registry/v1/audit', { authorization: ADMIN })).body) as AuditEvent[]).filter(
      (event) => event.outcome === 'unauthenticated' && /client certificate refused/.test(event.reason ?? ''),
    );
    assert.ok(refused.length >= 1, 'the refused certificate is recorded');
  });
});

/**
 * The run registry (`conformance/replica/run-registry.ts` is the port): the
 * project's own registry, `createApp` over a store in a temporary SQLite
 * file, holding for the length of one conformance run the contract's
 * versions under their real ids and subjects and the future writers under
 * their scratch ids, registered the way Confluent imports schemas (global
 * mode IMPORT, then READONLY between registrations; `contracts/registry/
 * register.ts`). It listens on a private port; the public one, in front,
 * answers reads from it and forwards reads it answers 404 to the source
 * registry, same path, query and headers, the run's credentials added when
 * the caller sends none, so references and unrelated ids still resolve.
 * Writes are refused (422, 42205, Confluent's read-only answer), except
 * lookups and compatibility checks, which change nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createApp } from '../api/app.js';
import { authorizationHeader, type RegistryAuth } from '../client/registry-client.js';
import { createRegistry, type Registry } from '../contracts/registry/index.js';
import type { ResolvedReference } from '../contracts/schema.js';
import type { RunRegistry, RunRegistryRequest, RunRegistrySchema, ServeRunRegistry } from '../conformance/index.js';
import { openStore } from '../prisma/open-store.js';
import { PACKAGE } from './package-info.js';

export interface RunRegistryOptions {
  /** The public port (`--serve-registry PORT`); default a free one. */
  port?: number;
  host?: string;
  /** Credentials for the source registry: sent with fallback reads that carry none, and to look up reference ids. */
  auth?: RegistryAuth;
}

const MEDIA_TYPE = 'application/vnd.schemaregistry.v1+json';
/** Reads that arrive as POSTs: schema lookup under a subject, compatibility checks. */
const READ_POSTS = [/^\/subjects\/[^/]+\/?$/, /^\/compatibility\//];
/** Ids for referenced schemas whose real id the source registry does not tell. */
const FIRST_REFERENCE_ID = 2 ** 30;
/** Hop-by-hop and body-framing headers that a forwarded request or answer must not copy. */
const DROPPED = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'accept-encoding', 'content-encoding']);

/** `ServeRunRegistry` over the project's own registry. */
export function runRegistryServer(options: RunRegistryOptions = {}): ServeRunRegistry {
  return (request) => startRunRegistry(request, options);
}

export async function startRunRegistry(request: RunRegistryRequest, options: RunRegistryOptions = {}): Promise<RunRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'creg-run-registry-'));
  const cleanups: Array<() => Promise<unknown>> = [() => rm(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const store = await openStore(`file:${join(dir, 'registry.db')}`);
    cleanups.push(() => store.close());
    const registry = createRegistry(store);
    const fallback = request.fallbackUrl?.replace(/\/+$/, '');
    const credentials = options.auth && authorizationHeader(options.auth);
    const importer = new Importer(registry, fallback, credentials);
    await importer.add(request.schemas);

    const inner = createServer(createApp({ registry, logger: pino({ level: 'silent' }), info: { version: PACKAGE.version } }));
    await listen(inner, 0, '127.0.0.1');
    cleanups.push(() => stop(inner));
    const innerUrl = `http://127.0.0.1:${(inner.address() as AddressInfo).port}`;

    const host = options.host ?? '127.0.0.1';
    const outer = createServer((req, res) => {
      front(req, res, innerUrl, fallback, credentials).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, 500, 50001, `The run registry failed: ${(error as Error).message}`);
        else res.destroy();
      });
    });
    await listen(outer, options.port ?? 0, host);
    cleanups.push(() => stop(outer));
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${(outer.address() as AddressInfo).port}`;
    return { url, add: (schema) => importer.add([schema]), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Registers schemas one batch at a time (global mode IMPORT while it does, READONLY between). */
class Importer {
  readonly #done = new Set<string>();
  #queue: Promise<void> = Promise.resolve();
  #nextReferenceId = FIRST_REFERENCE_ID;

  constructor(
    private readonly registry: Registry,
    private readonly fallback: string | undefined,
    private readonly credentials: string | undefined,
  ) {}

  add(schemas: RunRegistrySchema[]): Promise<void> {
    const work = this.#queue.then(async () => {
      await this.registry.setMode(undefined, 'IMPORT', true);
      try {
        for (const schema of schemas) await this.#register(schema);
        for (const schema of schemas.filter((s) => s.deleted)) await this.registry.deleteVersion(schema.subject, schema.version, false);
      } finally {
        await this.registry.setMode(undefined, 'READONLY', true);
      }
    });
    this.#queue = work.catch(() => undefined);
    return work;
  }

  async #register(schema: RunRegistrySchema): Promise<void> {
    const key = `${schema.subject}\u0000${schema.version}`;
    if (this.#done.has(key)) return;
    for (const reference of schema.references) await this.#register(await this.#referenced(reference));
    await this.registry.register(schema.subject, {
      schema: schema.schema,
      schemaType: schema.schemaType,
      references: schema.references.map(({ name, subject, version }) => ({ name, subject, version })),
      ...(schema.metadata !== undefined && { metadata: schema.metadata }),
      version: schema.version,
      id: schema.id,
    });
    this.#done.add(key);
  }

  /** A referenced schema under its real id when the source registry tells it, else under a reserved one. */
  async #referenced(reference: ResolvedReference): Promise<RunRegistrySchema> {
    let id: number | undefined;
    if (this.fallback !== undefined) {
      const path = `/subjects/${encodeURIComponent(reference.subject)}/versions/${reference.version}`;
      const response = await fetch(`${this.fallback}${path}`, {
        headers: { Accept: MEDIA_TYPE, ...(this.credentials !== undefined && { Authorization: this.credentials }) },
        signal: AbortSignal.timeout(30_000),
      }).catch(() => undefined);
      if (response?.ok) id = ((await response.json()) as { id?: number }).id;
    }
    return {
      subject: reference.subject,
      version: reference.version,
      id: id ?? this.#nextReferenceId++,
      schemaType: reference.schemaType,
      schema: reference.schema,
      references: reference.references,
    };
  }
}

/** The public side: local reads, 404s retried at the source registry, writes refused. */
async function front(req: IncomingMessage, res: ServerResponse, innerUrl: string, fallback: string | undefined, credentials: string | undefined) {
  const method = req.method ?? 'GET';
  const path = req.url ?? '/';
  const pathname = path.split('?')[0]!;
  const read = method === 'GET' || method === 'HEAD';
  if (!read && !(method === 'POST' && READ_POSTS.some((p) => p.test(pathname)))) {
    return sendError(res, 422, 42205, `The conformance run registry is read-only: ${method} ${pathname} is not permitted`);
  }
  const headers = forwardedHeaders(req);
  const body = read ? undefined : await readBody(req);
  const local = await fetch(`${innerUrl}${path}`, { method, headers, ...(body !== undefined && { body }) });
  if (local.status === 404 && read && fallback !== undefined) {
    const sourceHeaders = headers.has('authorization') || credentials === undefined ? headers : withAuthorization(headers, credentials);
    const source = await fetch(`${fallback}${path}`, { method, headers: sourceHeaders, signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
    if (source) return relay(source, res);
  }
  return relay(local, res);
}

function forwardedHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || DROPPED.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function withAuthorization(headers: Headers, credentials: string): Headers {
  const copy = new Headers(headers);
  copy.set('authorization', credentials);
  return copy;
}

async function relay(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!DROPPED.has(name)) headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, errorCode: number, message: string): void {
  const body = JSON.stringify({ error_code: errorCode, message });
  res.writeHead(status, { 'content-type': MEDIA_TYPE, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

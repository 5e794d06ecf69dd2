/**
 * Running the registry: listen at once (readiness answers 503 while the
 * database is opened and its migrations applied), then serve the app; stop
 * in two steps for rolling restarts — `drain()` keeps serving while
 * readiness answers 503 and every answer closes its connection, so that
 * balancers move to other nodes; `close()` then stops accepting, lets
 * in-flight requests finish and closes the database.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import { SCHEMA_REGISTRY_V1_JSON } from '../api/media-types.js';
import { METRICS_PATH, metricsEndpoint } from '../api/metrics-endpoint.js';
import { startingHandler } from '../api/starting-handler.js';
import { isAuditStore } from '../contracts/audit.js';
import { isNodeStore } from '../contracts/nodes.js';
import { createRegistry, type Registry } from '../contracts/registry/index.js';
import { isStatsStore } from '../contracts/registry-stats.js';
import type { Store } from '../contracts/store.js';
import { RegistryMetrics } from '../observability/metrics.js';
import { NodeHeartbeat } from '../observability/node-heartbeat.js';
import { timedStore } from '../observability/timed-store.js';
import { openStore } from '../prisma/open-store.js';
import { AuditTrail } from '../security/audit-trail.js';
import { LiveAuthFile } from '../security/live-auth-file.js';
import { PACKAGE } from './package-info.js';

export interface ServerOptions {
  port: number;
  host?: string;
  databaseUrl?: string;
  logger: Logger;
  bodyLimit?: string;
  /** Turns authentication on: Karapace's auth file or the project's own. */
  authFile?: string;
  /** JSON lines of the audit trail: `-` for standard output, or a file to append to. */
  auditLog?: string;
  /** Audit reads too. */
  auditReads?: boolean;
  /** PEM files: serve HTTPS; with `ca`, ask for client certificates and accept those it signed. */
  tls?: { cert: string; key: string; ca?: string };
  /** How long `drain()` keeps serving with readiness at 503 (default 5 s, below Docker's 10 s stop timeout). */
  drainMs?: number;
  /** How often this node refreshes its membership row (default 5 s). */
  heartbeatMs?: number;
  /** `GET /metrics`: on a port of its own instead of the main one (0: any free port), and/or only with this bearer token; `false`: no metrics. */
  metrics?: { port?: number; token?: string } | false;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** The Express app behind the server (for tests that walk its routes). */
  app: Express;
  /** Whether an auth file is in force (otherwise every caller may do everything). */
  authenticated: boolean;
  /** Where `GET /metrics` is served when it has a port of its own. */
  metricsUrl?: string;
  /** Readiness answers 503 and answers close their connections, for the drain period; then resolves. */
  drain(): Promise<void>;
  /** Stops accepting, finishes in-flight requests, closes the database. */
  close(): Promise<void>;
}

export const DEFAULT_DRAIN_MS = 5_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const authFile = options.authFile ? new LiveAuthFile(options.authFile, options.logger) : undefined;
  let draining = false;
  let serve: RequestListener = startingHandler;
  const listener: RequestListener = (req, res) => {
    // A balancer holding a keep-alive connection learns from this that it should open its next one elsewhere.
    if (draining) res.setHeader('Connection', 'close');
    serve(req, res);
  };
  const server: Server = options.tls ? createTlsServer(tlsOptions(options.tls), listener) : createServer(listener);
  // Keep-alive longer than typical load balancer idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  // What the metrics read once the store is open.
  let opened: { registry: Registry; store: Store; heartbeat?: NodeHeartbeat } | undefined;
  const metricsOptions = options.metrics === false ? undefined : (options.metrics ?? {});
  const metrics =
    metricsOptions &&
    new RegistryMetrics({
      usage: () => opened?.registry.usage() ?? { cacheEntries: 0, cacheHits: 0, cacheMisses: 0, compatible: 0, incompatible: 0 },
      stats: async () => (opened && isStatsStore(opened.store) ? opened.store.registryStats() : undefined),
      poolUse: () => (opened && isStatsStore(opened.store) ? opened.store.poolUse?.() : undefined),
      liveNodeCount: async () => (opened?.heartbeat ? opened.heartbeat.liveNodeCount() : 1),
      log: options.logger,
    });
  metrics?.watch(server);
  const endpoint = metrics && metricsEndpoint(metrics, metricsOptions?.token);
  const metricsServer = endpoint && metricsOptions?.port !== undefined ? createServer(metricsOnly(endpoint)) : undefined;
  const stopServing = async () => {
    authFile?.close();
    await Promise.all([stopListening(server), metricsServer && stopListening(metricsServer)]);
  };
  try {
    await listen(server, options.port, options.host);
    if (metricsServer) await listen(metricsServer, metricsOptions!.port!, options.host);
  } catch (error) {
    await stopServing();
    throw error;
  }
  const url = urlOf(server, options.host, options.tls ? 'https' : 'http');
  const metricsUrl = metricsServer && urlOf(metricsServer, options.host, 'http');
  options.logger.info({ url, metricsUrl }, 'accepting connections; ready once the database is');

  let store: Store;
  try {
    const opening = await openStore(options.databaseUrl);
    store = metrics ? timedStore(opening, (operation, seconds) => metrics.query(operation, seconds)) : opening;
  } catch (error) {
    await stopServing();
    throw error;
  }
  const heartbeat = isNodeStore(store) ? new NodeHeartbeat(store, options.logger, options.heartbeatMs) : undefined;
  await heartbeat?.start();
  const registry = createRegistry(store);
  opened = { registry, store, heartbeat };
  const audit = new AuditTrail({
    lines: options.auditLog,
    store: isAuditStore(store) ? store : undefined,
    reads: options.auditReads,
    log: options.logger,
  });
  const app = createApp({
    registry,
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    info: { version: PACKAGE.version },
    authenticator: authFile && (() => authFile.authenticator),
    audit,
    draining: () => draining,
    metrics,
    metricsEndpoint: metricsServer ? undefined : endpoint,
  });
  serve = app;

  let drained: Promise<void> | undefined;
  const drain = () =>
    (drained ??= new Promise<void>((resolve) => {
      draining = true;
      setTimeout(resolve, options.drainMs ?? DEFAULT_DRAIN_MS).unref();
    }));
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      draining = true;
      await stopServing();
      await heartbeat?.stop();
      await audit.close();
      await store.close();
    })());
  return { url, metricsUrl, server, app, drain, close, authenticated: authFile !== undefined };
}

function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

function urlOf(server: Server, host: string | undefined, scheme: string): string {
  const { port } = server.address() as AddressInfo;
  return `${scheme}://${host && host !== '0.0.0.0' ? host : '127.0.0.1'}:${port}`;
}

/** The metrics port answers `GET /metrics` and nothing else. */
function metricsOnly(endpoint: (req: IncomingMessage, res: ServerResponse) => Promise<void>): RequestListener {
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === METRICS_PATH && (req.method === 'GET' || req.method === 'HEAD')) return void endpoint(req, res);
    res.writeHead(404, { 'Content-Type': SCHEMA_REGISTRY_V1_JSON }).end(JSON.stringify({ error_code: 404, message: 'HTTP 404 Not Found' }));
  };
}

/** Stops accepting and closes idle connections; resolves once the in-flight requests are answered. */
function stopListening(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

function tlsOptions(tls: { cert: string; key: string; ca?: string }) {
  const ca = tls.ca ? readFileSync(tls.ca) : undefined;
  // Client certificates are asked for, not required: a caller may still authenticate with a header.
  return { cert: readFileSync(tls.cert), key: readFileSync(tls.key), ca, requestCert: ca !== undefined, rejectUnauthorized: false };
}

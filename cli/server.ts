/**
 * Running the registry: open the store (migrations applied), build the app,
 * listen, and shut down gracefully — stop accepting, let in-flight requests
 * finish, then close the database.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import { createRegistry } from '../contracts/registry/index.js';
import { isAuditStore } from '../contracts/audit.js';
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
}

export interface RunningServer {
  url: string;
  server: Server;
  /** Whether an auth file is in force (otherwise every caller may do everything). */
  authenticated: boolean;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const authFile = options.authFile ? new LiveAuthFile(options.authFile, options.logger) : undefined;
  const store = await openStore(options.databaseUrl).catch((error: unknown) => {
    authFile?.close();
    throw error;
  });
  const registry = createRegistry(store);
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
  });
  const server: Server = options.tls ? createTlsServer(tlsOptions(options.tls), app) : createServer(app);
  // Keep-alive longer than typical load balancer idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${options.tls ? 'https' : 'http'}://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      authFile?.close();
      await audit.close();
      await store.close();
    })());
  return { url, server, close, authenticated: authFile !== undefined };
}

function tlsOptions(tls: { cert: string; key: string; ca?: string }) {
  const ca = tls.ca ? readFileSync(tls.ca) : undefined;
  // Client certificates are asked for, not required: a caller may still authenticate with a header.
  return { cert: readFileSync(tls.cert), key: readFileSync(tls.key), ca, requestCert: ca !== undefined, rejectUnauthorized: false };
}

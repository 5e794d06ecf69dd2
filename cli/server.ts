/**
 * Running the registry: open the store (migrations applied), build the app,
 * listen, and shut down gracefully — stop accepting, let in-flight requests
 * finish, then close the database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from '../api/app.js';
import { createRegistry } from '../contracts/registry/index.js';
import { openStore } from '../prisma/open-store.js';
import { PACKAGE } from './package-info.js';

export interface ServerOptions {
  port: number;
  host?: string;
  databaseUrl?: string;
  logger: Logger;
  bodyLimit?: string;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore(options.databaseUrl);
  const registry = createRegistry(store);
  const app = createApp({ registry, logger: options.logger, bodyLimit: options.bodyLimit, info: { version: PACKAGE.version } });
  const server = createServer(app);
  // Keep-alive longer than typical load balancer idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await store.close();
    })());
  return { url, server, close };
}

/**
 * The customer replica behind the checker's HTTP protocol, for a replica
 * that runs as a service (`creg conform --replica-url URL`):
 *
 *   POST /messages        {"key", "value": base64 | null, "headers"} → 204, or 422 {"error"} when refused
 *   GET  /entities/{key}  → 200 the state, 404 absent
 *   GET  /replica         → {"fields", "readerVersion"}
 *
 * Plain `node:http`, so that the protocol is all there is to read.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Message } from './customer-replica.js';

/** What is served: the customer replica, or any replica with the same two calls. */
export interface ServableReplica {
  apply(message: Message): unknown;
  get(key: string): unknown;
}

export interface ServedReplica {
  url: string;
  close(): Promise<void>;
}

export async function serveReplica(
  replica: ServableReplica,
  declaration: { fields?: readonly string[]; readerVersion?: number },
  port = 0,
): Promise<ServedReplica> {
  const server = createServer((req, res) => {
    handle(replica, declaration, req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(
  replica: ServableReplica,
  declaration: { fields?: readonly string[]; readerVersion?: number },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://replica');
  if (req.method === 'POST' && url.pathname === '/messages') {
    const body = JSON.parse(await text(req)) as { key: string; value: string | null; headers: Record<string, string> };
    try {
      await replica.apply({ key: body.key, value: body.value === null ? null : Buffer.from(body.value, 'base64'), headers: body.headers });
    } catch (error) {
      return send(res, 422, { error: (error as Error).message });
    }
    return send(res, 204);
  }
  if (req.method === 'GET' && url.pathname.startsWith('/entities/')) {
    const state = await replica.get(decodeURIComponent(url.pathname.slice('/entities/'.length)));
    return state === undefined || state === null ? send(res, 404, { error: 'absent' }) : send(res, 200, state);
  }
  if (req.method === 'GET' && url.pathname === '/replica') return send(res, 200, declaration);
  send(res, 404, { error: 'not found' });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, body === undefined ? {} : { 'Content-Type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function text(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

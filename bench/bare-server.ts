/**
 * The baseline of the schema-by-id benchmark: a bare `node:http` server that
 * answers `GET /schemas/ids/{id}` with the very bytes the registry serves,
 * read from the file named by argv[2]. Prints its URL on stdout.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const bodies = new Map(Object.entries(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>).map(([id, body]) => [`/schemas/ids/${id}`, Buffer.from(body)]));

const server = createServer((req, res) => {
  const body = bodies.get(req.url ?? '');
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/vnd.schemaregistry.v1+json', 'Content-Length': body.length }).end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

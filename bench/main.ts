/**
 * `npm run bench`: throughput and p99 latency of `GET /schemas/ids/{id}`,
 * measured side by side in one run against a bare `node:http` server that
 * returns the same bytes, and printed as ratios. Setup of the published
 * cross-registry benchmark: 1,000 registered Avro schemas, 100 concurrent
 * connections, ids chosen at random. Targets: ≥ 0.7 of the bare server's
 * throughput, p99 under 10 ms. Rounds alternate to spread machine noise.
 * The same load is sent with credentials to a registry with authentication
 * on (Basic auth, a reader of the `bench-` prefix, so that each id's right is
 * checked once and then served from memory): target ≥ 0.8 of the bare server.
 * And to a registry with metrics off, the registry's default being on:
 * metrics must cost the hot path nothing measurable (on / off ≥ 0.9).
 * Then the generated serializers' throughput (`codegen.ts`), and a
 * conformance run with and without its own registry (`conformance.ts`).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../security/passwords.js';
import { runCodegenBench } from './codegen.js';
import { runConformanceBench } from './conformance.js';
import { startChild, type ChildServer } from './processes.js';

const SCHEMAS = 1000;
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface Measurement {
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

const BENCH_CREDENTIALS = `Basic ${Buffer.from('bench-reader:bench-password').toString('base64')}`;

async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Measurement> {
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/schemas/ids/${1 + Math.floor(Math.random() * SCHEMAS)}` }) }],
  });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function registerSchemas(url: string): Promise<Record<number, string>> {
  const bodies: Record<number, string> = {};
  for (let i = 0; i < SCHEMAS; i++) {
    const schema = JSON.stringify({
      type: 'record',
      name: `Entity${i}`,
      namespace: 'bench.contracts',
      fields: [
        { name: 'id', type: 'string' },
        { name: 'sequence', type: 'long' },
        { name: 'payload', type: ['null', 'string'], default: null },
      ],
    });
    const res = await fetch(`${url}/subjects/bench-${i}-value/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema }),
    });
    const { id } = (await res.json()) as { id: number };
    bodies[id] = await (await fetch(`${url}/schemas/ids/${id}`)).text();
  }
  return bodies;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'creg-bench-'));
  const servers: ChildServer[] = [];
  try {
    const serve = (env: Record<string, string> = {}, args: string[] = []) =>
      startChild([here('../cli/main.ts'), 'serve', ...args], {
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dir, 'registry.db')}`,
        LOG_LEVEL: 'info',
        CREG_DRAIN_SECONDS: '0',
        ...env,
      });
    const registry = await serve();
    servers.push(registry);
    console.log(`registering ${SCHEMAS} Avro schemas…`);
    const bodiesFile = join(dir, 'bodies.json');
    writeFileSync(bodiesFile, JSON.stringify(await registerSchemas(registry.url)));
    const bare = await startChild([here('./bare-server.ts'), bodiesFile]);
    servers.push(bare);
    const authFile = join(dir, 'auth.yaml');
    writeFileSync(
      authFile,
      `users:\n  - name: bench-reader\n    passwordHash: "${await hashPassword('bench-password')}"\n` +
        `rules:\n  - principals: [bench-reader]\n    operations: [read]\n    subjectPrefixes: [bench-]\n`,
    );
    const secured = await serve({ CREG_AUTH_FILE: authFile });
    servers.push(secured);
    const unmeasured = await serve({}, ['--no-metrics']);
    servers.push(unmeasured);
    const credentials = { Authorization: BENCH_CREDENTIALS };

    // Warm all four (JIT, caches, each id's right) before measuring.
    await load(bare.url, 2);
    await load(registry.url, 2);
    await load(unmeasured.url, 2);
    await load(secured.url, 3, credentials);
    const results: Results = { bare: [], registry: [], unmeasured: [], secured: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      results.bare.push(await load(bare.url, SECONDS));
      results.unmeasured.push(await load(unmeasured.url, SECONDS));
      results.registry.push(await load(registry.url, SECONDS));
      results.secured.push(await load(secured.url, SECONDS, credentials));
    }
    report(results);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Results {
  bare: Measurement[];
  /** Metrics on (the default). */
  registry: Measurement[];
  /** `--no-metrics`. */
  unmeasured: Measurement[];
  secured: Measurement[];
}

function report(results: Results) {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const summary = (ms: Measurement[]) => ({
    rps: mean(ms.map((m) => m.requestsPerSecond)),
    p99: Math.max(...ms.map((m) => m.p99)),
    errors: ms.reduce((a, m) => a + m.errors, 0),
  });
  const bare = summary(results.bare);
  const registry = summary(results.registry);
  const secured = summary(results.secured);
  const unmeasured = summary(results.unmeasured);
  const ratio = registry.rps / bare.rps;
  const metricsRatio = registry.rps / unmeasured.rps;
  const securedRatio = secured.rps / bare.rps;
  console.log(`\nGET /schemas/ids/{id}: ${SCHEMAS} schemas, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS}s per server\n`);
  const row = (name: string, m: { rps: number; p99: number; errors: number }) =>
    console.log(`${name.padEnd(22)}${m.rps.toFixed(0).padStart(9)}   ${m.p99.toFixed(1).padStart(7)}   ${m.errors}`);
  console.log(`${'server'.padEnd(22)}${'req/s'.padStart(9)}   ${'p99 ms'.padStart(7)}   errors`);
  row('bare node:http', bare);
  row('registry, no metrics', unmeasured);
  row('registry (metrics on)', registry);
  row('registry + Basic auth', secured);
  console.log(`\nthroughput ratio registry / bare: ${ratio.toFixed(2)} (target ≥ 0.70: ${ratio >= 0.7 ? 'met' : 'NOT met'})`);
  console.log(`registry p99: ${registry.p99.toFixed(1)} ms (target < 10 ms: ${registry.p99 < 10 ? 'met' : 'NOT met'})`);
  console.log(`throughput ratio registry with metrics / without: ${metricsRatio.toFixed(2)} (target ≥ 0.90: ${metricsRatio >= 0.9 ? 'met' : 'NOT met'})`);
  console.log(`throughput ratio registry with Basic auth / bare: ${securedRatio.toFixed(2)} (target ≥ 0.80: ${securedRatio >= 0.8 ? 'met' : 'NOT met'})`);
}

// `BENCH_ONLY=registry`, `codegen` or `conformance` runs one of the three benchmarks.
const only = process.env.BENCH_ONLY;
if (only === undefined || only === 'registry') await main();
if (only === undefined || only === 'codegen') await runCodegenBench();
if (only === undefined || only === 'conformance') await runConformanceBench();

/**
 * Generated Avro serializers against raw avsc and against the kafkajs
 * client (`@kafkajs/confluent-schema-registry`), side by side in one run:
 * encode, decode of the latest version, and decode of an older version into
 * the latest. The generated code is produced from a registry started in
 * this process, transpiled to JavaScript and imported, as a build would.
 * Raw avsc and kafkajs are given the same avsc options (the same logical
 * types), so all three do the same work per value. Targets: decode ≥ 0.9×
 * raw avsc, ≥ 2× kafkajs. Contenders alternate within each of twelve
 * short rounds and each keeps its best round, as other load on the machine
 * only slows a round down; `BENCH_CODEGEN_SECONDS` sets a round's length
 * (default 0.25).
 * Runs alone with `node --import tsx bench/codegen.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { pino } from 'pino';
import ts from 'typescript';
import { startServer } from '../cli/server.js';
import { generate, readContracts } from '../codegen/index.js';
import { AVRO_TYPE_OPTIONS, avroType } from '../codegen/runtime/avro-codec.js';

const SECONDS = Number(process.env['BENCH_CODEGEN_SECONDS'] ?? 0.25);
const ROUNDS = 12;
const SUBJECT = 'bench-customer-value';

const fields = [
  { name: 'customer_id', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'email', type: ['null', 'string'], default: null },
  { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['ACTIVE', 'BLOCKED', 'DELETED'] } },
  { name: 'loyalty_points', type: 'long', default: 0 },
  { name: 'updated_at', type: { type: 'long', logicalType: 'timestamp-millis' } },
  { name: 'address', type: ['null', { type: 'record', name: 'Address', fields: ['street', 'city', 'zip'].map((name) => ({ name, type: 'string' })) }], default: null },
  { name: 'active', type: 'boolean', default: true },
];
const v1 = { type: 'record', name: 'Customer', namespace: 'bench', fields };
const v2 = { ...v1, fields: [...fields, { name: 'tags', type: { type: 'map', values: 'string' }, default: {} }, { name: 'score', type: 'double', default: 0 }] };

const state = {
  customer_id: 'c-000042',
  name: 'Grace Hopper',
  email: 'grace@example.com',
  status: 'ACTIVE',
  loyalty_points: 1200,
  updated_at: new Date('2026-11-23T10:15:00Z'),
  address: { street: 'Kerkstraat 1', city: 'Utrecht', zip: '3511 AA' },
  active: true,
  tags: { segment: 'gold' },
  score: 0.75,
};

interface Generated {
  encodeCustomer(value: unknown): Buffer;
  decodeCustomer(bytes: Uint8Array): unknown;
}

type Operation = () => unknown;

/** Operations per second of `op` over `seconds`, awaiting it when it returns a promise. */
async function measure(op: Operation, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  let count = 0;
  const asynchronous = op() instanceof Promise;
  while (true) {
    for (let i = 0; i < 256; i++) {
      if (asynchronous) await op();
      else op();
    }
    count += 256;
    if (performance.now() >= end) break;
  }
  return count / ((performance.now() - start) / 1000);
}

async function compare(contenders: Record<string, Operation>): Promise<Record<string, number>> {
  for (const op of Object.values(contenders)) await measure(op, Math.min(0.3, SECONDS));
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, op] of Object.entries(contenders)) samples[name]!.push(await measure(op, SECONDS));
  }
  // The best round: other load on the machine only ever slows a round down.
  return Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, Math.max(...xs)]));
}

async function loadGenerated(registryUrl: string, dir: string): Promise<Generated> {
  const { files } = generate(await readContracts([{ subject: SUBJECT }], registryUrl));
  for (const file of files) {
    const target = join(dir, file.path.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    const { outputText } = ts.transpileModule(file.text, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
    writeFileSync(target, outputText);
  }
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return (await import(pathToFileURL(join(dir, 'bench-customer-value.js')).href)) as Generated;
}

async function registerVersion(url: string, schema: object): Promise<number> {
  const response = await fetch(`${url}/subjects/${SUBJECT}/versions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  return ((await response.json()) as { id: number }).id;
}

export async function runCodegenBench(): Promise<void> {
  const data = mkdtempSync(join(tmpdir(), 'creg-bench-codegen-'));
  // Under node_modules so that the generated code's imports (avsc) resolve.
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(join(cache, 'creg-bench-codegen-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: `file:${join(data, 'registry.db')}`, logger: pino({ level: 'silent' }) });
  try {
    const id1 = await registerVersion(server.url, v1);
    const id2 = await registerVersion(server.url, v2);
    // Bound once, as a named import binds them (a module namespace's property is slower to read on every call).
    const { encodeCustomer, decodeCustomer } = await loadGenerated(server.url, out);
    const kafkajs = new SchemaRegistry({ host: server.url }, { [SchemaType.AVRO]: { ...AVRO_TYPE_OPTIONS } as never });

    const reader = avroType([JSON.stringify(v2)]);
    const writer1 = avroType([JSON.stringify(v1)]);
    const resolver = reader.createResolver(writer1);
    const { tags: _tags, score: _score, ...stateV1 } = state;
    const payload = reader.toBuffer(state);
    const payloadV1 = writer1.toBuffer(stateV1);
    const framed = encodeCustomer(state);
    const framedV1 = Buffer.concat([Buffer.from([0, 0, 0, 0, id1]), payloadV1]);
    const kafkajsFramed = await kafkajs.encode(id2, state);
    await kafkajs.decode(framedV1, { [SchemaType.AVRO]: { readerSchema: v2 } } as never);

    console.log(`\ncodegen serializers: Avro record of ${fields.length + 2} fields (${payload.length} bytes), best of ${ROUNDS} × ${SECONDS}s, ops/s\n`);
    const rows: [string, Record<string, number>][] = [
      ['encode', await compare({ generated: () => encodeCustomer(state), avsc: () => reader.toBuffer(state), kafkajs: () => kafkajs.encode(id2, state) })],
      ['decode latest', await compare({ generated: () => decodeCustomer(framed), avsc: () => reader.fromBuffer(payload), kafkajs: () => kafkajs.decode(kafkajsFramed) })],
      [
        'decode v1 as latest',
        await compare({
          generated: () => decodeCustomer(framedV1),
          avsc: () => reader.fromBuffer(payloadV1, resolver),
          kafkajs: () => kafkajs.decode(framedV1, { [SchemaType.AVRO]: { readerSchema: v2 } } as never),
        }),
      ],
    ];
    report(rows);
  } finally {
    await server.close();
    rmSync(data, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

function report(rows: [string, Record<string, number>][]): void {
  const n = (x: number) => Math.round(x).toLocaleString('en-US').padStart(12);
  const r = (x: number) => `${x.toFixed(2)}×`.padStart(10);
  console.log('operation                 generated      raw avsc       kafkajs   gen/avsc  gen/kafkajs');
  for (const [name, m] of rows) {
    console.log(`${name.padEnd(22)}${n(m['generated']!)}  ${n(m['avsc']!)}  ${n(m['kafkajs']!)}${r(m['generated']! / m['avsc']!)}${r(m['generated']! / m['kafkajs']!)}  `);
  }
  const decode = rows.filter(([name]) => name.startsWith('decode'));
  const worstAvsc = Math.min(...decode.map(([, m]) => m['generated']! / m['avsc']!));
  const worstKafkajs = Math.min(...decode.map(([, m]) => m['generated']! / m['kafkajs']!));
  console.log(`\ndecode vs raw avsc: ${worstAvsc.toFixed(2)}× at worst (target ≥ 0.90: ${worstAvsc >= 0.9 ? 'met' : 'NOT met'})`);
  console.log(`decode vs kafkajs: ${worstKafkajs.toFixed(2)}× at worst (target ≥ 2.00: ${worstKafkajs >= 2 ? 'met' : 'NOT met'})`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await runCodegenBench();

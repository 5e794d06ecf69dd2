/**
 * The registry's Prometheus metrics, in one prom-client registry (with the
 * default process and Node metrics), in two families:
 *
 * - Confluent's names, as its JMX exporter rules render them, so that a
 *   team moving from Confluent keeps its Grafana dashboard and alerts
 *   (`kafka_schema_registry_…`; what each means is in the README);
 * - our own, `creg_…`: requests and their durations by method, route
 *   template and status, what the database holds, the schema cache,
 *   compatibility verdicts, database calls, the pool, authentication.
 *
 * What happens per request is recorded as it happens (counters, a
 * histogram, the request window); what the database holds is counted when
 * Prometheus scrapes. Labels only ever take values from bounded sets: route
 * templates of the route table, HTTP methods and statuses, operation names.
 */
import type { Server } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type LabelValues } from 'prom-client';
import type { PoolUse, RegistryStats } from '../contracts/registry-stats.js';
import { SCHEMA_TYPES, type SchemaType } from '../contracts/schema.js';
import { RequestWindow } from './request-window.js';

export interface MetricsSources {
  /** What this process counted: the schema cache's use and compatibility verdicts. */
  usage(): { cacheEntries: number; cacheHits: number; cacheMisses: number; compatible: number; incompatible: number };
  /** What the database holds; absent when the store cannot count. */
  stats?(): Promise<RegistryStats | undefined>;
  poolUse?(): PoolUse | undefined;
  /** The nodes sharing the database; absent on a store that is not shared. */
  liveNodeCount?(): Promise<number>;
  log: { warn(fields: object, message: string): void };
}

/** Confluent's `schema_type` label values. */
const CONFLUENT_TYPE: Record<SchemaType, string> = { AVRO: 'avro', JSON: 'json', PROTOBUF: 'protobuf' };

const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface RequestSeries {
  count: Counter.Internal;
  /** Requests not yet added to `count`: a plain number on the hot path, added when scraped. */
  uncounted: number;
  duration: Histogram.Internal<string>;
}

export class RegistryMetrics {
  readonly registry = new Registry();
  readonly #window = new RequestWindow();
  readonly #series = new Map<string, RequestSeries>();
  #connections = 0;
  #succeeded = 0;
  #failed = 0;
  readonly #requests: Counter<'method' | 'route' | 'status'>;
  readonly #durations: Histogram<'method' | 'route' | 'status'>;
  readonly #queries: Histogram<'operation'>;
  readonly #authentications: Counter<'method' | 'result'>;
  readonly #denials: Counter<'operation'>;
  #statsInFlight: Promise<RegistryStats | undefined> | undefined;

  constructor(private readonly sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const self = this;

    // Confluent's family. The JMX exporter types none of these but the role; gauges read the same in PromQL.
    new Gauge({
      name: 'kafka_schema_registry_master_slave_role',
      help: 'Current role of this Schema Registry instance: 1 indicates primary, 0 indicates secondary (every node here writes: 1)',
      registers,
      collect() {
        this.set(1);
      },
    });
    new Gauge({
      name: 'kafka_schema_registry_node_count',
      help: 'Number of Schema Registry nodes sharing the database (fresh heartbeat rows)',
      registers,
      async collect() {
        this.set((await self.#quietly(() => sources.liveNodeCount?.() ?? Promise.resolve(1))) ?? Number.NaN);
      },
    });
    const stats = async () => (this.#statsInFlight ??= this.#quietly(async () => sources.stats?.()).finally(() => (this.#statsInFlight = undefined)));
    const total = (counts: Record<SchemaType, number>) => SCHEMA_TYPES.reduce((sum, type) => sum + counts[type], 0);
    const counted = (name: string, help: string, read: (held: RegistryStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        async collect() {
          const held = await stats();
          if (held) this.set(read(held));
        },
      });
    const countedByType = (name: string, help: string, label: (type: SchemaType) => string, read: (held: RegistryStats) => Record<SchemaType, number>) =>
      new Gauge({
        name,
        help,
        labelNames: ['schema_type'],
        registers,
        async collect() {
          const held = await stats();
          if (held) for (const type of SCHEMA_TYPES) this.set({ schema_type: label(type) }, read(held)[type]);
        },
      });
    const confluentType = (type: SchemaType) => CONFLUENT_TYPE[type];
    counted('kafka_schema_registry_registered_count', 'Number of registered schemas: subject versions, soft-deleted ones included', (held) => total(held.versions));
    counted('kafka_schema_registry_deleted_count', 'Number of deleted schemas: soft-deleted subject versions', (held) => total(held.deletedVersions));
    // The exporter's 0.x name and its 1.x name (which drops the `_created` suffix); dashboards use either.
    for (const name of ['kafka_schema_registry_schemas_created', 'kafka_schema_registry_schemas']) {
      countedByType(name, 'Number of registered schemas by type: subject versions, soft-deleted ones included', confluentType, (held) => held.versions);
    }
    countedByType('kafka_schema_registry_schemas_deleted', 'Number of deleted schemas by type: soft-deleted subject versions', confluentType, (held) => held.deletedVersions);
    new Gauge({
      name: 'kafka_schema_registry_api_success_count',
      help: 'Number of successful API calls (2xx answers) since this node started',
      registers,
      collect() {
        this.set(self.#succeeded);
      },
    });
    new Gauge({
      name: 'kafka_schema_registry_api_failure_count',
      help: 'Number of failed API calls (4xx and 5xx answers) since this node started',
      registers,
      collect() {
        this.set(self.#failed);
      },
    });
    new Gauge({
      name: 'kafka_schema_registry_jersey_metrics_request_rate',
      help: 'The average number of HTTP requests per second (over a 30 to 60 s window)',
      registers,
      collect() {
        this.set(self.#window.rate());
      },
    });
    new Gauge({
      name: 'kafka_schema_registry_jersey_metrics_request_latency_99',
      help: 'The 99th percentile request latency in ms (over a 30 to 60 s window; NaN without requests)',
      registers,
      collect() {
        this.set(self.#window.latency99());
      },
    });
    new Gauge({
      name: 'kafka_schema_registry_jetty_metrics_connections_active',
      help: 'Total number of active TCP connections',
      registers,
      collect() {
        this.set(self.#connections);
      },
    });

    // Our own family.
    this.#requests = new Counter({
      name: 'creg_http_requests_total',
      help: 'HTTP requests answered',
      labelNames: ['method', 'route', 'status'],
      registers,
      collect() {
        for (const series of self.#series.values()) {
          if (series.uncounted > 0) series.count.inc(series.uncounted);
          series.uncounted = 0;
        }
      },
    });
    this.#durations = new Histogram({
      name: 'creg_http_request_duration_seconds',
      help: 'Time from a request reaching the app to its answer being written',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    const ownType = (type: SchemaType) => type;
    countedByType('creg_schemas', 'Schemas (distinct ids) held, by type', ownType, (held) => held.schemas);
    countedByType('creg_subject_versions', 'Subject versions held, soft-deleted ones included, by type', ownType, (held) => held.versions);
    counted('creg_subjects', 'Subjects with at least one version that is not deleted', (held) => held.subjects);
    counted('creg_verifications', 'Verifications recorded (conformance results published by consumers)', (held) => held.verifications);
    counted('creg_deployments', 'Deployments recorded', (held) => held.deployments);
    new Gauge({
      name: 'creg_schema_cache_entries',
      help: 'Schemas held in memory by id',
      registers,
      collect() {
        this.set(sources.usage().cacheEntries);
      },
    });
    new Counter({
      name: 'creg_schema_cache_lookups_total',
      help: 'Look-ups of a schema by id in memory, by result (hit ratio: hit / all)',
      labelNames: ['result'],
      registers,
      collect() {
        const use = sources.usage();
        this.reset();
        this.inc({ result: 'hit' }, use.cacheHits);
        this.inc({ result: 'miss' }, use.cacheMisses);
      },
    });
    new Gauge({
      name: 'creg_schema_cache_hit_ratio',
      help: 'Share of look-ups by id answered from memory since this node started',
      registers,
      collect() {
        const use = sources.usage();
        const all = use.cacheHits + use.cacheMisses;
        this.set(all === 0 ? Number.NaN : use.cacheHits / all);
      },
    });
    new Counter({
      name: 'creg_compatibility_checks_total',
      help: 'Compatibility checks run (registrations and explicit checks), by verdict',
      labelNames: ['result'],
      registers,
      collect() {
        const use = sources.usage();
        this.reset();
        this.inc({ result: 'compatible' }, use.compatible);
        this.inc({ result: 'incompatible' }, use.incompatible);
      },
    });
    this.#queries = new Histogram({
      name: 'creg_db_query_duration_seconds',
      help: 'Database calls by store operation (a write transaction counts as one)',
      labelNames: ['operation'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    new Gauge({
      name: 'creg_db_pool_connections',
      help: 'The database connection pool: its size, open and idle connections, queries waiting for one',
      labelNames: ['state'],
      registers,
      collect() {
        const use = sources.poolUse?.();
        if (!use) return;
        for (const state of ['size', 'open', 'idle', 'waiting'] as const) this.set({ state }, use[state]);
      },
    });
    this.#authentications = new Counter({
      name: 'creg_authentications_total',
      help: 'Credentials checked, by method and result (failure: refused, answered 401)',
      labelNames: ['method', 'result'],
      registers,
    });
    this.#denials = new Counter({
      name: 'creg_authorization_denials_total',
      help: 'Requests refused by the rules (403), by operation',
      labelNames: ['operation'],
      registers,
    });
  }

  /** One answered request; `route` is a route-table template, never a raw path. */
  request(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${route} ${status}`;
    let series = this.#series.get(key);
    if (!series) {
      const labels: LabelValues<'method' | 'route' | 'status'> = { method, route, status: String(status) };
      series = { count: this.#requests.labels(labels), uncounted: 0, duration: this.#durations.labels(labels) };
      this.#series.set(key, series);
    }
    series.uncounted++;
    series.duration.observe(seconds);
    this.#window.record(seconds * 1000);
    if (status >= 200 && status < 300) this.#succeeded++;
    else if (status >= 400) this.#failed++;
  }

  query(operation: string, seconds: number): void {
    this.#queries.observe({ operation }, seconds);
  }

  authenticated(method: string, ok: boolean): void {
    this.#authentications.inc({ method, result: ok ? 'success' : 'failure' });
  }

  denied(operation: string): void {
    this.#denials.inc({ operation });
  }

  /** Counts the server's open TCP connections. */
  watch(server: Server): void {
    server.on('connection', (socket) => {
      this.#connections++;
      socket.once('close', () => this.#connections--);
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** A database count that fails leaves its gauge as it was (and is logged): a scrape never fails for it. */
  async #quietly<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      this.sources.log.warn({ err: error }, 'metrics: a database count failed; its gauge keeps its last value');
      return undefined;
    }
  }
}

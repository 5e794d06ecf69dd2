/**
 * Requests per second and the 99th percentile latency over a sliding
 * window, measured as Confluent's REST layer measures the values its
 * dashboard plots (`jersey-metrics` `request-rate`, `request-latency-99`):
 * Kafka metrics' defaults of two samples of 30 s each, the rate being the
 * count over the time the samples cover (at least one sample's length), the
 * percentile NaN when the window saw no request. Recording is a few array
 * writes, cheap enough for the hot path.
 */

const SAMPLE_MS = 30_000;
const SAMPLES = 2;
/** Latency buckets grow by 10% from 0.02 ms: about 2% error at any size, up to a minute in 158 buckets. */
const FIRST_BUCKET_MS = 0.02;
const GROWTH = 1.1;
const BUCKETS = 158;
const LOG_GROWTH = Math.log(GROWTH);

interface Sample {
  start: number;
  count: number;
  latency: Uint32Array;
}

export class RequestWindow {
  readonly #samples: Sample[] = [];

  record(ms: number, now = Date.now()): void {
    let current = this.#samples.at(-1);
    if (!current || now - current.start >= SAMPLE_MS) {
      current = { start: now, count: 0, latency: new Uint32Array(BUCKETS) };
      this.#samples.push(current);
      if (this.#samples.length > SAMPLES) this.#samples.shift();
    }
    current.count++;
    current.latency[bucketOf(ms)]!++;
  }

  /** Requests per second over the window. */
  rate(now = Date.now()): number {
    const live = this.#live(now);
    if (live.length === 0) return 0;
    const covered = Math.max(now - live[0]!.start, SAMPLE_MS);
    return live.reduce((sum, sample) => sum + sample.count, 0) / (covered / 1000);
  }

  /** The latency, in milliseconds, that 99% of the window's requests stayed within; NaN without requests. */
  latency99(now = Date.now()): number {
    const live = this.#live(now);
    const total = live.reduce((sum, sample) => sum + sample.count, 0);
    if (total === 0) return Number.NaN;
    const rank = Math.ceil(total * 0.99);
    let seen = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      for (const sample of live) seen += sample.latency[bucket]!;
      if (seen >= rank) return upperBoundOf(bucket);
    }
    return upperBoundOf(BUCKETS - 1);
  }

  #live(now: number): Sample[] {
    return this.#samples.filter((sample) => now - sample.start < SAMPLES * SAMPLE_MS);
  }
}

function bucketOf(ms: number): number {
  if (!(ms > FIRST_BUCKET_MS)) return 0;
  return Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / FIRST_BUCKET_MS) / LOG_GROWTH));
}

function upperBoundOf(bucket: number): number {
  return FIRST_BUCKET_MS * GROWTH ** bucket;
}

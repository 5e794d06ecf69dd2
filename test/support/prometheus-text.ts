/**
 * A small reader of the Prometheus text exposition format (version 0.0.4,
 * what `GET /metrics` answers), for tests that scrape a node: every sample
 * line becomes one entry of a Map keyed `name{label="value",…}`, labels
 * sorted by name and values escaped as the format escapes them (`\\`, `\"`,
 * `\n`), so that a key does not depend on the order a library prints labels
 * in. `# HELP` / `# TYPE` lines and timestamps are dropped; `NaN`, `+Inf` and
 * `-Inf` (in any case) read as JavaScript's. A line that is not a sample throws, so a
 * broken exposition fails the test instead of losing series.
 *
 *   const metrics = parsePrometheusText(await (await fetch(`${url}/metrics`)).text());
 *   sample(metrics, 'creg_http_requests_total', { method: 'GET', route: '/subjects', status: '200' });
 */

export type Labels = Readonly<Record<string, string>>;

export function parsePrometheusText(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      const { name, labels, value } = parseLine(line);
      samples.set(seriesKey(name, labels), value);
    } catch (error) {
      throw new Error(`Prometheus text, line ${index + 1}: ${(error as Error).message}: ${raw}`);
    }
  });
  return samples;
}

/**
 * The value of one series, or 0 when the exposition lacks it: prom-client
 * prints a labelled counter only once it has moved, so an absent series is a
 * counter still at zero (check `map.has(seriesKey(…))` where absence matters).
 */
export function sample(samples: ReadonlyMap<string, number>, name: string, labels: Labels = {}): number {
  return samples.get(seriesKey(name, labels)) ?? 0;
}

/** The Map key of a series: `name` alone without labels, else `name{a="1",b="2"}` with labels sorted. */
export function seriesKey(name: string, labels: Labels = {}): string {
  const names = Object.keys(labels).sort();
  if (names.length === 0) return name;
  return `${name}{${names.map((label) => `${label}="${escapeValue(labels[label]!)}"`).join(',')}}`;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;

function parseLine(line: string): { name: string; labels: Record<string, string>; value: number } {
  const name = NAME.exec(line)?.[0];
  if (!name) throw new Error('no metric name');
  let at = name.length;
  const labels: Record<string, string> = {};
  if (line[at] === '{') {
    at++;
    for (;;) {
      at = skipSpaces(line, at);
      if (line[at] === '}') break;
      const label = LABEL_NAME.exec(line.slice(at))?.[0];
      if (!label) throw new Error(`no label name at column ${at + 1}`);
      at = skipSpaces(line, at + label.length);
      if (line[at] !== '=') throw new Error(`no = after label ${label}`);
      at = skipSpaces(line, at + 1);
      if (line[at] !== '"') throw new Error(`label ${label}: value not quoted`);
      const { value, end } = quoted(line, at + 1);
      labels[label] = value;
      at = skipSpaces(line, end);
      if (line[at] === ',') at++;
      else if (line[at] !== '}') throw new Error(`expected , or } after label ${label}`);
    }
    at++;
  }
  // The value, then an optional timestamp (milliseconds), which is dropped.
  const [value, timestamp, ...rest] = line.slice(at).trim().split(/\s+/);
  if (value === undefined || value === '' || rest.length > 0 || (timestamp !== undefined && !/^-?\d+$/.test(timestamp))) {
    throw new Error('expected a value and at most a timestamp after the series');
  }
  return { name, labels, value: number(value) };
}

/** A label value from just after its opening quote; `end` is just after the closing one. */
function quoted(line: string, from: number): { value: string; end: number } {
  let value = '';
  for (let at = from; at < line.length; at++) {
    const char = line[at]!;
    if (char === '"') return { value, end: at + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = line[++at];
    if (next === 'n') value += '\n';
    else if (next === '\\' || next === '"') value += next;
    else throw new Error(`unknown escape \\${next ?? ''} in a label value`);
  }
  throw new Error('unterminated label value');
}

/** As Prometheus reads values (Go's ParseFloat): `NaN` and `Inf` in any case (prom-client prints `Nan`). */
function number(text: string): number {
  const word = text.toLowerCase();
  if (word === 'nan') return Number.NaN;
  if (word === '+inf' || word === 'inf') return Number.POSITIVE_INFINITY;
  if (word === '-inf') return Number.NEGATIVE_INFINITY;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a number: ${text}`);
  return value;
}

function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ' || line[at] === '\t') at++;
  return at;
}

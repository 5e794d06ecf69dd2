/**
 * Plain JSON values, and the conversions every codec shares: bytes as
 * base64, whatever a replica returned made printable (Buffers, bigints,
 * dates, maps, class instances), and a deep comparison that says where two
 * values first differ.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

export const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * Bytes as a replica may hand them back: a Buffer or Uint8Array, Node's
 * `Buffer#toJSON` shape, an array of byte values, or a base64 string.
 */
export function bytesOf(value: unknown): Buffer | undefined {
  if (isBytes(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (typeof value === 'string') return /^[A-Za-z0-9+/]*={0,2}$/.test(value) ? Buffer.from(value, 'base64') : undefined;
  const candidate = value as { type?: unknown; data?: unknown } | null;
  const data = Array.isArray(value) ? value : candidate?.type === 'Buffer' ? candidate.data : undefined;
  if (Array.isArray(data) && data.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) return Buffer.from(data as number[]);
  return undefined;
}

/** Any value as printable JSON: what reports show of a replica's answer. */
export function toJson(value: unknown, depth = 0): Json {
  if (depth > 32) return '…';
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (isBytes(value)) return base64(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJson(v, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v, depth + 1)]));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, depth + 1)]));
  }
  return String(value);
}

/** Where two JSON values first differ (objects compared key by key, in any order); undefined when equal. */
export function firstDifference(expected: Json, actual: Json, path = '$'): { path: string; expected: Json; actual: Json } | undefined {
  if (expected === actual) return undefined;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return { path: `${path}.length`, expected: expected.length, actual: actual.length };
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i]!, actual[i]!, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const found = firstDifference(expected[key] ?? null, actual[key] ?? null, `${path}${memberPath(key)}`);
      if (found) return found;
    }
    return undefined;
  }
  return { path, expected, actual };
}

export const memberPath = (key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

function isPlainObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decoded values as plain data for `deepStrictEqual`: avsc decodes records
 * as instances of classes of its own; dates and buffers stay what they are.
 */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
}

/**
 * Values for Avro's leaves: the edge values a replica must keep exactly, and
 * plain seeded ones, per primitive and per logical type (Avro 1.12
 * specification, "Logical Types"). Numbers stay where avsc's default types
 * and JSON transports keep them exact: longs from −2^52 to 2^53 − 2 (what
 * avsc's default long type round-trips: its zig-zag step loses precision on
 * negatives beyond 2^52), floats
 * that float32 represents, no NaN or infinities (JSON has none). Text never
 * holds U+0000, which PostgreSQL text cannot store. Typical text is ASCII,
 * so that a fault with unicode shows in `edge-values` only.
 */
import type { Prng } from '../../samples/prng.js';

const MAX_FLOAT = 3.4028234663852886e38;
const MIN_FLOAT = 1.401298464324817e-45;
const YEAR_1_MS = -62135596800000;
const YEAR_9999_MS = 253402300799999;
/** The extreme longs avsc's default long type round-trips exactly. */
const MAX_LONG = 9007199254740990;
const MIN_LONG = -(2 ** 52);

export const EDGE_STRINGS: readonly string[] = [
  '',
  'Zoë Ålesund — 東京 🚀',
  'e\u0301 שלום مرحبا',
  ' ',
  '"quoted" \\ back\\slash\nnew line\ttab',
  'x'.repeat(1024),
];

/** Edge values per primitive, or per logical type where it narrows the range. */
export const EDGES: Record<string, readonly unknown[]> = {
  boolean: [false, true],
  int: [0, -1, 2147483647, -2147483648, 1],
  long: [0, MAX_LONG, MIN_LONG, -1],
  float: [0, MAX_FLOAT, -MAX_FLOAT, MIN_FLOAT, 1.5],
  double: [0, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1],
  string: EDGE_STRINGS,
  date: [0, -719162, 2932896, 19723],
  'time-millis': [0, 86399999],
  'time-micros': [0, 86399999999],
  'timestamp-millis': [0, YEAR_1_MS, YEAR_9999_MS, -1],
  'local-timestamp-millis': [0, YEAR_1_MS, YEAR_9999_MS],
  'timestamp-micros': [0, MAX_LONG, MIN_LONG, 1700000000000000],
  'local-timestamp-micros': [0, MAX_LONG, MIN_LONG],
  'timestamp-nanos': [0, MAX_LONG, MIN_LONG],
  'local-timestamp-nanos': [0, MAX_LONG],
  uuid: ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
};

export const EDGE_BYTES: readonly Buffer[] = [Buffer.alloc(0), Buffer.from([0]), Buffer.alloc(16, 0xff), Buffer.from([...Array(256).keys()])];

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function typicalString(rng: Prng): string {
  let text = '';
  for (let i = rng.int(1, 12); i > 0; i--) text += LETTERS[rng.int(0, LETTERS.length - 1)];
  return text;
}

export function typicalUuid(rng: Prng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[rng.int(0, 3)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A plain value per primitive or logical type. */
export function typicalLeaf(kind: string, rng: Prng): unknown {
  switch (kind) {
    case 'boolean':
      return rng.bool();
    case 'int':
      return rng.int(-1000, 100000);
    case 'long':
      return rng.int(0, 2 ** 31);
    case 'float':
      return Math.fround(rng.int(0, 100000) / 8);
    case 'double':
      return rng.int(0, 10000000) / 100;
    case 'string':
      return typicalString(rng);
    case 'uuid':
      return typicalUuid(rng);
    case 'date':
      return rng.int(0, 30000);
    case 'time-millis':
      return rng.int(0, 86399999);
    case 'time-micros':
      return rng.int(0, 86399999) * 1000;
    case 'timestamp-millis':
    case 'local-timestamp-millis':
      return 1700000000000 + rng.int(0, 2 ** 31);
    case 'timestamp-micros':
    case 'local-timestamp-micros':
    case 'timestamp-nanos':
    case 'local-timestamp-nanos':
      return 1700000000000000 + rng.int(0, 2 ** 31);
    default:
      throw new Error(`no typical value for ${kind}`);
  }
}

export function randomBytes(rng: Prng, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => rng.int(0, 255)));
}

/** Two's complement, big-endian, in `size` bytes (or as few as the value needs), as Avro's decimal stores the unscaled value. */
export function decimalBytes(unscaled: bigint, size?: number): Buffer {
  const bytes: number[] = [];
  let value = unscaled;
  do {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  } while (!((value === 0n && (bytes[0]! & 0x80) === 0) || (value === -1n && (bytes[0]! & 0x80) !== 0)));
  const fill = unscaled < 0n ? 0xff : 0x00;
  while (size !== undefined && bytes.length < size) bytes.unshift(fill);
  return Buffer.from(bytes);
}

/** Decimal edges: zero, ±(10^precision − 1) (the largest unscaled values), one. */
export function decimalEdges(precision: number): bigint[] {
  const max = 10n ** BigInt(precision) - 1n;
  return [0n, max, -max, 1n];
}

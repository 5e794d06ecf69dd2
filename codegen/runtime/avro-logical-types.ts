/**
 * The Avro logical types generated code reads and writes as JavaScript
 * values, as avsc `LogicalType` classes (avsc's `types.LogicalType`:
 * `_fromValue` decodes, `_toValue` encodes and answers `undefined` for a
 * value it refuses, `_resolve` reads another writer type):
 *
 * | logical type | underlying | TypeScript |
 * | --- | --- | --- |
 * | `timestamp-millis` | long | `Date` |
 * | `timestamp-micros` | long | `Date` (microseconds below the millisecond are dropped on decode) |
 * | `date` | int | `Date` at 00:00:00.000 UTC (encoding any other time of day is refused) |
 * | `decimal` | bytes, fixed | `string`, e.g. `"-12.50"`: exactly `scale` fraction digits on decode; on encode at most `scale`, at most `precision` digits |
 * | `uuid` | string | `Uuid`, a branded string; encoding checks the 8-4-4-4-12 hex form |
 *
 * A logical type on another underlying type, or a decimal whose precision
 * and scale Java Avro would refuse, is ignored, as the Avro specification
 * says: the constructor throws and avsc falls back to the underlying type.
 * Other logical types (`time-*`, `local-timestamp-*`, `duration`) keep their
 * underlying type. With `longs: 'bigint'` (see `avroTypeOptions`) `long`
 * is `BIGINT_LONG`, an avsc custom long type (`LongType.__with`, avsc's own
 * hook for 64-bit values) whose values are `bigint`s from −2^63 to 2^63 − 1,
 * and the timestamps above sit on it unchanged. Part of the codegen
 * runtime, copied into every generated folder; the generator reads
 * `LOGICAL_TYPES` to type fields the same way.
 */
import avro, { type Type } from 'avsc';

/** A string that was checked to be a UUID when it was made with `asUuid` or encoded. */
export type Uuid = string & { readonly __brand: 'Uuid' };

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: unknown): value is Uuid {
  return typeof value === 'string' && UUID.test(value);
}

export function asUuid(value: string): Uuid {
  if (!isUuid(value)) throw new TypeError(`${JSON.stringify(value)} is not a UUID (8-4-4-4-12 hexadecimal digits)`);
  return value;
}

/** The schema a logical type is built from, as avsc passes it. */
type AvroSchemaObject = ConstructorParameters<typeof avro.types.LogicalType>[0];

/** The common part: the underlying types accepted, and reading another writer type. */
abstract class CregLogicalType extends avro.types.LogicalType {
  /** What the encoder accepts, for error messages. */
  abstract describe(): string;

  protected requireUnderlying(...typeNames: string[]): void {
    if (!typeNames.includes(this.underlyingType.typeName)) throw new Error(`not on ${typeNames.join(' or ')}`);
  }

  /** Whether the underlying `long` is `BIGINT_LONG`, whose values are `bigint`s. */
  protected get bigintUnderlying(): boolean {
    return this.underlyingType === BIGINT_LONG;
  }

  /**
   * A writer of the same logical type already decoded its value; a writer of
   * the plain underlying type (or one Avro promotes to it) is converted.
   */
  protected override _resolve(writer: Type): ((value: unknown) => unknown) | undefined {
    if (writer.typeName === this.typeName || (DATE_VALUED.has(writer.typeName) && DATE_VALUED.has(this.typeName))) {
      return (value) => value;
    }
    if (this.readsUnderlying().includes(writer.typeName)) return (value) => this._fromValue(value);
    return undefined;
  }

  protected abstract readsUnderlying(): string[];
}

const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/**
 * `long` as a `bigint`: avsc's custom long type, given the value as eight
 * little-endian bytes, two's complement. JSON (schema defaults, an `int`
 * writer promoted to `long`) may be a number or a decimal string; written
 * back as a number where that is exact.
 */
export const BIGINT_LONG: Type = avro.types.LongType.__with({
  fromBuffer: (bytes: Buffer) => bytes.readBigInt64LE(0),
  toBuffer(value: bigint) {
    const bytes = Buffer.alloc(8);
    bytes.writeBigInt64LE(value);
    return bytes;
  },
  fromJSON: (json: unknown) => BigInt(json as number | string | bigint),
  toJSON: (value: bigint) => (Number.isSafeInteger(Number(value)) ? Number(value) : value.toString()),
  isValid: (value: unknown) => typeof value === 'bigint' && value >= INT64.min && value <= INT64.max,
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

/** The logical types that may sit on a `long`: with `BIGINT_LONG`, they are built on it. */
export const LONG_LOGICAL_TYPES: ReadonlySet<string> = new Set(['timestamp-millis', 'timestamp-micros']);

/** Floor division of a bigint (bigint `/` truncates towards zero). */
const floorDiv = (value: bigint, by: bigint): bigint => (value % by < 0n ? value / by - 1n : value / by);

const DATE_VALUED = new Set(['logical:timestamp-millis', 'logical:timestamp-micros', 'logical:date']);
const MILLIS_PER_DAY = 86_400_000;

const validDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

export class TimestampMillisType extends CregLogicalType {
  constructor(schema: AvroSchemaObject, opts?: unknown) {
    super(schema, opts);
    this.requireUnderlying('long', 'abstract:long');
  }
  describe(): string {
    return 'a valid Date (timestamp-millis)';
  }
  protected readsUnderlying(): string[] {
    return ['long', 'abstract:long', 'int'];
  }
  protected override _fromValue(value: number | bigint): Date {
    return new Date(Number(value));
  }
  protected override _toValue(value: unknown): number | bigint | undefined {
    if (!validDate(value)) return undefined;
    return this.bigintUnderlying ? BigInt(value.getTime()) : value.getTime();
  }
}

export class TimestampMicrosType extends CregLogicalType {
  constructor(schema: AvroSchemaObject, opts?: unknown) {
    super(schema, opts);
    this.requireUnderlying('long', 'abstract:long');
  }
  describe(): string {
    return 'a valid Date (timestamp-micros)';
  }
  protected readsUnderlying(): string[] {
    return ['long', 'abstract:long', 'int'];
  }
  protected override _fromValue(value: number | bigint): Date {
    return new Date(typeof value === 'bigint' ? Number(floorDiv(value, 1000n)) : Math.floor(value / 1000));
  }
  protected override _toValue(value: unknown): number | bigint | undefined {
    if (!validDate(value)) return undefined;
    return this.bigintUnderlying ? BigInt(value.getTime()) * 1000n : value.getTime() * 1000;
  }
}

export class DateType extends CregLogicalType {
  constructor(schema: AvroSchemaObject, opts?: unknown) {
    super(schema, opts);
    this.requireUnderlying('int');
  }
  describe(): string {
    return 'a Date at 00:00:00.000 UTC (date)';
  }
  protected readsUnderlying(): string[] {
    return ['int'];
  }
  protected override _fromValue(value: number): Date {
    return new Date(value * MILLIS_PER_DAY);
  }
  protected override _toValue(value: unknown): number | undefined {
    return validDate(value) && value.getTime() % MILLIS_PER_DAY === 0 ? value.getTime() / MILLIS_PER_DAY : undefined;
  }
}

export class UuidType extends CregLogicalType {
  constructor(schema: AvroSchemaObject, opts?: unknown) {
    super(schema, opts);
    this.requireUnderlying('string');
  }
  describe(): string {
    return 'a UUID string (8-4-4-4-12 hexadecimal digits)';
  }
  protected readsUnderlying(): string[] {
    return ['string'];
  }
  protected override _fromValue(value: string): Uuid {
    return value as Uuid;
  }
  protected override _toValue(value: unknown): string | undefined {
    return isUuid(value) ? value : undefined;
  }
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export class DecimalType extends CregLogicalType {
  private readonly precision: number;
  private readonly scale: number;
  /** Set for `fixed`: every value takes exactly this many bytes. */
  private readonly size: number | undefined;

  constructor(schema: AvroSchemaObject, opts?: unknown) {
    super(schema, opts);
    this.requireUnderlying('bytes', 'fixed');
    const { precision, scale = 0 } = schema as { precision?: unknown; scale?: unknown };
    const size = (this.underlyingType as Type & { size?: number }).size;
    // Java Avro's `LogicalTypes.Decimal.validate`: otherwise the attribute is ignored.
    const maxPrecision = size === undefined ? Infinity : Math.floor(Math.log10(2) * (8 * size - 1));
    if (!Number.isInteger(precision) || (precision as number) <= 0 || (precision as number) > maxPrecision) throw new Error('invalid precision');
    if (!Number.isInteger(scale) || (scale as number) < 0 || (scale as number) > (precision as number)) throw new Error('invalid scale');
    this.precision = precision as number;
    this.scale = scale as number;
    this.size = size;
  }

  describe(): string {
    return `a decimal string with at most ${this.precision} digits, ${this.scale} after the point (decimal(${this.precision}, ${this.scale}))`;
  }
  protected readsUnderlying(): string[] {
    return (this.size === undefined ? ['bytes'] : ['fixed']);
  }

  protected override _fromValue(bytes: Buffer): string {
    let unscaled = 0n;
    for (const byte of bytes) unscaled = (unscaled << 8n) | BigInt(byte);
    if (bytes.length > 0 && (bytes[0]! & 0x80) !== 0) unscaled -= 1n << BigInt(bytes.length * 8);
    const negative = unscaled < 0n;
    const digits = (negative ? -unscaled : unscaled).toString().padStart(this.scale + 1, '0');
    const whole = digits.slice(0, digits.length - this.scale);
    const text = this.scale === 0 ? whole : `${whole}.${digits.slice(digits.length - this.scale)}`;
    return negative ? `-${text}` : text;
  }

  protected override _toValue(value: unknown): Buffer | undefined {
    if (typeof value !== 'string') return undefined;
    const match = DECIMAL_TEXT.exec(value);
    if (match === null) return undefined;
    const [, sign, whole = '', fraction = ''] = match;
    if (fraction.length > this.scale) return undefined;
    const digits = (whole + fraction.padEnd(this.scale, '0')).replace(/^0+(?=\d)/, '');
    if (digits !== '0' && digits.length > this.precision) return undefined;
    const unscaled = BigInt(digits) * (sign === '-' ? -1n : 1n);
    return twosComplement(unscaled, this.size);
  }
}

/** Big-endian two's complement: the fewest bytes that hold the value, or exactly `size` bytes. */
function twosComplement(value: bigint, size: number | undefined): Buffer | undefined {
  let length = 1;
  while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) length++;
  if (size !== undefined) {
    if (length > size) return undefined;
    length = size;
  }
  let rest = value < 0n ? (1n << BigInt(8 * length)) + value : value;
  const bytes = Buffer.alloc(length);
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

/** The classes by logical type name, as avsc's `logicalTypes` option takes them. */
export const LOGICAL_TYPES = {
  'timestamp-millis': TimestampMillisType,
  'timestamp-micros': TimestampMicrosType,
  date: DateType,
  decimal: DecimalType,
  uuid: UuidType,
} as const;

export type LogicalTypeName = keyof typeof LOGICAL_TYPES;

/** What an encoder accepts for a type that is one of ours, for error messages. */
export function describeLogical(type: Type): string | undefined {
  return type instanceof CregLogicalType ? type.describe() : undefined;
}

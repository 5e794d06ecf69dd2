/**
 * The errors generated serializers throw. Part of the codegen runtime: this
 * file is copied verbatim into every generated folder (`runtime/`), so the
 * generated code depends on nothing but the format libraries.
 */

/** One invalid value on encode: where (`address.city`, `items[2].sku`; empty for the root) and why. */
export interface Issue {
  path: string;
  message: string;
}

/** A value that the contract's latest version cannot carry. Nothing was encoded. */
export class EncodeError extends Error {
  override readonly name = 'EncodeError';

  constructor(
    readonly subject: string,
    readonly issues: readonly Issue[],
  ) {
    super(`${subject}: invalid value: ${issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`)).join('; ')}`);
  }
}

/** Bytes that are not a value of the contract: bad framing, a payload that does not decode, or a value the reader refuses. */
export class DecodeError extends Error {
  override readonly name: string = 'DecodeError';

  constructor(
    readonly subject: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${subject}: ${detail}`, options);
  }
}

/**
 * A schema id that is not one of the versions the code was generated from,
 * met where it cannot be fetched: by a synchronous decoder, or with no
 * registry configured.
 */
export class UnknownSchemaError extends DecodeError {
  override readonly name = 'UnknownSchemaError';

  constructor(
    subject: string,
    readonly schemaId: number,
    detail: string,
  ) {
    super(subject, detail);
  }
}

/** An event that breaks the ECST conventions: no key, no or a malformed sequence, a key that disagrees with the state. */
export class EcstError extends Error {
  override readonly name = 'EcstError';

  constructor(
    readonly subject: string,
    detail: string,
  ) {
    super(`${subject}: ${detail}`);
  }
}

/** A short description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (Buffer.isBuffer(value)) return `a Buffer of ${value.length} bytes`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : `the Date ${value.toISOString()}`;
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    case 'number':
    case 'bigint':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    default:
      return typeof value === 'object' ? 'an object' : typeof value;
  }
}

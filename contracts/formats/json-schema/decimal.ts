/**
 * Exact decimal numbers as Java's `BigDecimal` holds them (an unscaled integer
 * and a scale): Confluent's Jackson reads every JSON number with a fraction or
 * an exponent as a `BigDecimal` (`USE_BIG_DECIMAL_FOR_FLOATS`, exact node
 * factory, `jackson/Jackson.java`) and writes it back with
 * `BigDecimal.toString()`, so `1.50` stays `1.50` and `1e3` becomes `1E+3`.
 * `NumberSchemaDiff` compares `multipleOf` values the same way, exactly.
 */

export interface Decimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** `new BigDecimal(text)` for JSON number text. */
export function parseDecimal(text: string): Decimal {
  const match = NUMBER.exec(text);
  if (!match) throw new RangeError(`not a JSON number: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const unscaled = BigInt(`${sign}${whole}${fraction}`);
  return { unscaled, scale: fraction.length - Number(exponent) };
}

/** Java's `BigDecimal.toString()`: plain unless the scale is negative or the adjusted exponent is below -6. */
export function decimalToJavaString({ unscaled, scale }: Decimal): string {
  const sign = unscaled < 0n ? '-' : '';
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString();
  if (scale === 0) return sign + digits;
  const adjusted = digits.length - 1 - scale;
  if (scale > 0 && adjusted >= -6) {
    const padding = scale - digits.length;
    if (padding >= 0) return `${sign}0.${'0'.repeat(padding)}${digits}`;
    return `${sign}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  const exponent = adjusted === 0 ? '' : `E${adjusted > 0 ? '+' : ''}${adjusted}`;
  return sign + mantissa + exponent;
}

/** Both values as integers of one common scale. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.unscaled * 10n ** BigInt(scale - a.scale), b.unscaled * 10n ** BigInt(scale - b.scale)];
}

/** `BigDecimal.compareTo`: numeric order, the scale ignored (0.5 equals 0.50). */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const [x, y] = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (d: Decimal): boolean => d.unscaled === 0n;

/** `dividend.remainder(divisor) == 0`; the divisor must not be zero. */
export function isMultiple(dividend: Decimal, divisor: Decimal): boolean {
  const [x, y] = aligned(dividend, divisor);
  return x % y === 0n;
}

/**
 * Java's `Double.toString` and `Float.toString`, which Jackson uses to print
 * `DoubleNode` and `FloatNode` values (field defaults, custom properties): the
 * shortest digits that read back to the same value, written as `1.0`, `0.001`,
 * `1234567.0` when 10^-3 <= |x| < 10^7 and as `1.0E7`, `1.5E-4` otherwise.
 */

/** `Double.toString(value)`. */
export function javaDoubleToString(value: number): string {
  return javaFormat(value, shortest(value, (digits) => Number(digits) === value));
}

/** `Float.toString(value)` for a value already rounded to float precision. */
export function javaFloatToString(value: number): string {
  const f = Math.fround(value);
  return javaFormat(f, shortest(f, (digits) => Math.fround(Number(digits)) === f));
}

/**
 * Digits and decimal exponent of the shortest decimal that `roundTrips`, e.g.
 * 0.0015 → ['15', -3]. When one digit would do, Java (JDK 19+) takes the
 * closest two-digit decimal instead: 4.9E-324, not 5.0E-324.
 */
function shortest(value: number, roundTrips: (text: string) => boolean): [string, number] {
  if (!Number.isFinite(value) || value === 0) return ['0', 0];
  for (let precision = 2; precision < 18; precision++) {
    const text = Math.abs(value).toExponential(precision - 1);
    if (roundTrips(text)) return split(text);
  }
  return split(Math.abs(value).toExponential());
}

function split(exponential: string): [string, number] {
  const [mantissa = '0', exponent = '0'] = exponential.split('e');
  return [mantissa.replace('.', '').replace(/0+$/, '') || '0', Number(exponent)];
}

function javaFormat(value: number, [digits, exponent]: [string, number]): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0.0`;
  if (exponent >= -3 && exponent < 7) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    const fraction = digits.slice(exponent + 1) || '0';
    return `${sign}${whole}.${fraction}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}

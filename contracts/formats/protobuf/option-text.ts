/**
 * Options written back as `.proto` text, as Confluent's
 * `ProtobufSchemaUtils` does (`toString(OptionElement)`, `formatOptionMap`,
 * `formatOptionMapOrListValue`, `appendOptions`, `escapeChars`,
 * `formatNumber`, `appendIndented`): aggregates one entry a line, lists in
 * brackets, strings escaped; normalised, aggregate keys are sorted, extension
 * keys resolved, one-element lists unwrapped and numbers rewritten.
 */
import { isOptionElement, isOptionPrimitive, type OptionElement, type OptionMap, type OptionValue } from './elements.js';
import type { FormatContext } from './format-context.js';

/** `option …;\n`. */
export function optionStatement(ctx: FormatContext, option: OptionElement): string {
  return `option ${optionText(ctx, option)};\n`;
}

/** `name = value`, `(ext) = { … }`, `(ext).field = value`. */
export function optionText(ctx: FormatContext, option: OptionElement): string {
  const name = option.parenthesized ? `(${option.name})` : option.name;
  const value = option.value;
  switch (option.kind) {
    case 'STRING':
      return `${name} = "${escapeChars(value as string)}"`;
    case 'BOOLEAN':
    case 'ENUM':
      return `${name} = ${value as string}`;
    case 'NUMBER':
      return `${name} = ${formatNumber(ctx, value as string)}`;
    case 'OPTION':
      return `${name}.${optionText(ctx, value as OptionElement)}`;
    case 'MAP':
      return `${name} = {\n${formatOptionMap(ctx, value as OptionMap)}}`;
    case 'LIST':
      return `${name} = ${bracketed(ctx, value as OptionValue[])}`;
  }
}

/** `[a]` on one line, or one value a line between `[` and `]`. */
export function bracketed(ctx: FormatContext, values: readonly OptionValue[]): string {
  if (values.length === 1) return `[${formatValue(ctx, values[0]!)}]`;
  const lines = values.map((value, i) => indented(formatValue(ctx, value) + (i < values.length - 1 ? ',' : '')));
  return `[\n${lines.join('')}]`;
}

function formatOptionMap(ctx: FormatContext, map: OptionMap): string {
  let entries = [...map.entries()];
  if (ctx.normalize) {
    const sorted = new Map<string, OptionValue>();
    for (const [key, value] of entries) {
      if (Array.isArray(value) && value.length === 0) continue;
      const resolved = isExtensionKey(key) ? ctx.resolveExtendField(key.slice(1, -1), 'original') : undefined;
      const name = resolved === undefined ? key : `[${resolved}]`;
      if (!sorted.has(name)) sorted.set(name, value);
    }
    entries = [...sorted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return entries
    .map(([key, value], i) => indented(`${key}: ${formatValue(ctx, value)}${i < entries.length - 1 ? ',' : ''}`))
    .join('');
}

function formatValue(ctx: FormatContext, value: OptionValue): string {
  if (typeof value === 'string') return `"${escapeChars(value)}"`;
  if (value instanceof Map) return `{\n${formatOptionMap(ctx, value)}}`;
  if (Array.isArray(value)) {
    if (ctx.normalize && value.length === 1) return formatValue(ctx, value[0]!);
    const lines = value.map((item, i) => indented(formatValue(ctx, item) + (i < value.length - 1 ? ',' : '')));
    return `[\n${lines.join('')}]`;
  }
  if (isOptionPrimitive(value)) return value.primitive === 'NUMBER' ? formatNumber(ctx, value.value) : value.value;
  if (isOptionElement(value)) return optionText(ctx, value);
  return String(value);
}

function isExtensionKey(key: string): boolean {
  return key.startsWith('[') && key.endsWith(']');
}

/**
 * Each line of `text` indented by two spaces, as Java's `split("\n")` cuts it
 * (trailing empty lines dropped, leading ones kept as indented blank lines).
 */
export function indented(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 1 && lines[0] === '' && text !== '') lines.pop();
  return lines.map((line) => `  ${line}\n`).join('');
}

const ESCAPED: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u000b': '\\v',
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
};

export function escapeChars(text: string): string {
  return text.replace(/[\u0007\b\f\n\r\t\u000b\\'"]/g, (c) => ESCAPED[c]!);
}

/**
 * Written as is; normalised, as Apache Commons' `NumberUtils.createNumber`
 * reads it (decimal, `0x` hexadecimal, leading-zero octal, decimals with
 * exponents) and Java's `DecimalFormat` prints it: no grouping, at most three
 * fraction digits, half-even. What does not read as a number (`inf`, `nan`)
 * stays as written.
 */
export function formatNumber(ctx: FormatContext, text: string): string {
  if (!ctx.normalize) return text;
  const integer = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0([0-7]+)|([1-9][0-9]*|0))$/.exec(text);
  if (integer) {
    const [, sign, hex, octal, decimal] = integer;
    const value = hex !== undefined ? BigInt(`0x${hex}`) : octal !== undefined ? BigInt(`0o${octal}`) : BigInt(decimal!);
    return (sign === '-' ? -value : value).toString();
  }
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return text;
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const scaled = Math.abs(value) * 1000;
  // DecimalFormat rounds half to even; toFixed rounds exact halves up.
  const tie = scaled % 1 === 0.5 && Math.floor(scaled) % 2 === 0;
  const rounded = tie ? (Math.sign(value) * Math.floor(scaled)) / 1000 : value;
  const fixed = rounded.toFixed(3).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

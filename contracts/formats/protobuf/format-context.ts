/**
 * The state of writing a schema back as text: Confluent's
 * `ProtobufSchemaUtils.FormatContext` — plain (the canonical text) or
 * normalising (`toNormalizedString`), which resolves names through the type
 * context and rewrites options: custom option names resolved to their full
 * names, `(ext).field = v` turned into aggregates, options sorted by name,
 * and a non-repeated custom option set several times merged into one.
 * Ignoring extensions drops custom options other than Confluent's.
 */
import type { FieldElement, MessageElement, OptionElement, OptionMap, OptionValue } from './elements.js';
import { isOptionElement, isOptionPrimitive } from './elements.js';
import { TypeContext } from './type-context.js';

export class FormatContext extends TypeContext {
  constructor(
    readonly normalize: boolean,
    readonly ignoreExtensions = false,
  ) {
    super();
  }

  /** The options to write, in the order to write them. */
  filterOptions(options: readonly OptionElement[]): OptionElement[] {
    const kept = this.ignoreExtensions ? options.filter((o) => !o.parenthesized || o.name.startsWith('confluent.')) : options;
    if (!this.normalize || kept.length === 0) return [...kept];
    const named = kept.map((option) => {
      if (!option.parenthesized) return option;
      const resolved = this.resolveExtendField(option.name, 'original');
      return resolved === undefined ? option : transform({ ...option, name: resolved });
    });
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const groups = new Map<string, OptionElement[]>();
    for (const option of named) groups.set(option.name, [...(groups.get(option.name) ?? []), option]);
    return [...groups].flatMap(([name, list]) => {
      const info = this.getExtendFieldForFullName(name, 'original');
      if (info === undefined || info.repeated) return list;
      return [list.reduce((existing, replacement) => this.mergeOption(info.field, existing, replacement))];
    });
  }

  private mergeOption(field: FieldElement, existing: OptionElement, replacement: OptionElement): OptionElement {
    const next = transform(replacement);
    if (existing.kind !== 'MAP' || next.kind !== 'MAP') return next;
    const merged = this.mergeOptionMaps(field, existing.value as OptionMap, next.value as OptionMap);
    return { name: next.name, kind: 'MAP', value: merged, parenthesized: next.parenthesized };
  }

  private mergeOptionMaps(container: FieldElement | undefined, existing: OptionMap, replacement: OptionMap): OptionMap {
    const containerType = this.resolveMessageType(container);
    const merged: OptionMap = new Map(existing);
    for (const [key, value] of replacement) {
      const previous = merged.get(key);
      if (previous === undefined) {
        merged.set(key, value);
      } else {
        const nested = containerType === undefined ? undefined : findField(containerType, key);
        merged.set(key, this.mergeOptionValues(nested, previous, value));
      }
    }
    return merged;
  }

  /** Two values for one key: a singular message merges, a singular scalar is replaced, anything else collects. */
  private mergeOptionValues(field: FieldElement | undefined, v1: OptionValue, v2: OptionValue): OptionValue {
    const singular = field !== undefined && field.label !== 'REPEATED';
    if (singular && v1 instanceof Map && v2 instanceof Map && this.resolveMessageType(field) !== undefined) {
      return this.mergeOptionMaps(field, v1, v2);
    }
    if (singular) return v2;
    const result: OptionValue[] = [];
    for (const value of [...(Array.isArray(v1) ? v1 : [v1]), ...(Array.isArray(v2) ? v2 : [v2])]) {
      if (!result.some((existing) => optionValuesEqual(existing, value))) result.push(value);
    }
    return result;
  }

  /** The message type of a field, resolved from the current scope (as Confluent does, not the field's). */
  private resolveMessageType(field: FieldElement | undefined): MessageElement | undefined {
    if (field === undefined) return undefined;
    const info = this.getType(field.type, 'original');
    return info?.type.kind === 'message' ? info.type : undefined;
  }
}

/** `(ext).a.b = v` as the aggregate `(ext) = { a: { b: v } }` (Confluent's `ProtobufSchema.transform`). */
export function transform(option: OptionElement): OptionElement {
  return option.kind === 'OPTION' ? { ...option, kind: 'MAP', value: optionAsMap(option) } : option;
}

function optionAsMap(option: OptionElement): OptionMap {
  const inner = option.value as OptionElement;
  let value: OptionValue = inner.value;
  if (inner.kind === 'BOOLEAN' || inner.kind === 'ENUM' || inner.kind === 'NUMBER') {
    value = { primitive: inner.kind, value: inner.value as string };
  } else if (inner.kind === 'OPTION') {
    value = optionAsMap(inner);
  }
  return new Map([[inner.name, value]]);
}

function findField(message: MessageElement, name: string): FieldElement | undefined {
  return message.fields.find((f) => f.name === name) ?? message.oneOfs.flatMap((o) => o.fields).find((f) => f.name === name);
}

/** Java `equals` on Wire's option values: by content. */
export function optionValuesEqual(a: OptionValue, b: OptionValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => optionValuesEqual(v, b[i]!));
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false;
    return [...a].every(([key, value]) => b.has(key) && optionValuesEqual(value, b.get(key)!));
  }
  if (isOptionPrimitive(a) || isOptionPrimitive(b)) {
    return isOptionPrimitive(a) && isOptionPrimitive(b) && a.primitive === b.primitive && a.value === b.value;
  }
  if (isOptionElement(a) && isOptionElement(b)) {
    return a.name === b.name && a.kind === b.kind && a.parenthesized === b.parenthesized && optionValuesEqual(a.value, b.value);
  }
  return false;
}

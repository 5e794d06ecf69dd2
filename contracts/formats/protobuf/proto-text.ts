/**
 * A `.proto` element tree written back as text: Confluent's
 * `ProtobufSchemaUtils.toString` (the canonical text the registry stores)
 * and, with a normalising context, `toNormalizedString`. Layout: syntax,
 * package, imports, options, messages then enums (each kind in declaration
 * order: message indexes depend on it), extends, services; inside a message
 * reserved ranges, options, fields, oneofs, groups, extension ranges,
 * extends, nested types; two spaces per level, no comments. Normalising
 * resolves type names to `.full.names`, sorts imports, options, fields,
 * reserved ranges and enum constants, and leaves out synthetic map entries
 * and a `proto2` syntax line. Ignoring extensions (`format=ignore_extensions`)
 * leaves out extension ranges, extends and custom options but Confluent's.
 */
import {
  MAX_TAG_VALUE,
  SCALAR_TYPES,
  isIntRange,
  mapTypes,
  type EnumElement,
  type ExtendElement,
  type ExtensionsElement,
  type FieldElement,
  type GroupElement,
  type MessageElement,
  type OneOfElement,
  type OptionElement,
  type ProtoFileElement,
  type ReservedElement,
  type ReservedValue,
  type RpcElement,
  type ServiceElement,
  type TypeElement,
} from './elements.js';
import type { FormatContext } from './format-context.js';
import { bracketed, escapeChars, indented, optionStatement, optionText } from './option-text.js';

export class UnresolvedTypeError extends Error {}

export function protoText(ctx: FormatContext, file: ProtoFileElement): string {
  let text = '';
  if (file.syntax && (!ctx.normalize || file.syntax.value !== 'proto2')) {
    text += `${file.syntax.keyword} = "${file.syntax.value}";\n`;
  }
  if (file.packageName !== undefined) text += `package ${file.packageName};\n`;
  if (file.imports.length > 0 || file.publicImports.length > 0) {
    text += '\n';
    text += sortedIfNormal(ctx, file.imports).map((name) => `import "${name}";\n`).join('');
    text += sortedIfNormal(ctx, file.publicImports).map((name) => `import public "${name}";\n`).join('');
  }
  const options = ctx.filterOptions(file.options);
  if (options.length > 0) text += '\n' + options.map((option) => optionStatement(ctx, option)).join('');
  const types = writtenTypes(ctx, file.types);
  if (types.length > 0) text += '\n' + typesText(ctx, types, (t) => t);
  if (!ctx.ignoreExtensions && file.extendDeclarations.length > 0) {
    text += '\n' + extendsOf(ctx, file.extendDeclarations).map((extend) => extendText(ctx, extend)).join('');
  }
  if (file.services.length > 0) text += '\n' + file.services.map((service) => serviceText(ctx, service)).join('');
  return text;
}

function sortedIfNormal(ctx: FormatContext, names: readonly string[]): string[] {
  return ctx.normalize ? [...new Set(names)].sort() : [...names];
}

/** Messages first, then enums, each in the scope of its own name. */
function typesText(ctx: FormatContext, types: TypeElement[], wrap: (text: string) => string): string {
  const ordered = [...types.filter((t) => t.kind === 'message'), ...types.filter((t) => t.kind === 'enum')];
  return ordered
    .map((type) => ctx.inName(type.name, () => wrap(type.kind === 'message' ? messageText(ctx, type) : enumText(ctx, type))))
    .join('');
}

/** Normalising leaves out the map entry messages protoc synthesises for `map<K, V>` fields. */
function writtenTypes(ctx: FormatContext, types: TypeElement[]): TypeElement[] {
  if (!ctx.normalize) return types;
  return types.filter((type) => type.kind !== 'message' || ctx.getType(type.name, 'original')?.mapType === undefined);
}

function messageText(ctx: FormatContext, message: MessageElement): string {
  let text = `message ${message.name} {`;
  if (message.reserveds.length > 0) text += '\n' + rangesOf(ctx, message.reserveds).map((r) => indented(reservedText(ctx, r))).join('');
  const options = ctx.filterOptions(message.options);
  if (options.length > 0) text += '\n' + options.map((option) => indented(optionStatement(ctx, option))).join('');
  if (message.fields.length > 0) text += '\n' + byTag(ctx, message.fields).map((f) => indented(fieldText(ctx, f))).join('');
  const oneOfs = ctx.normalize ? normalizedOneOfs(message.oneOfs) : message.oneOfs;
  if (message.oneOfs.length > 0) text += '\n' + oneOfs.map((oneOf) => indented(oneOfText(ctx, oneOf))).join('');
  if (message.groups.length > 0) text += '\n' + byTag(ctx, message.groups).map((g) => indented(groupText(ctx, g))).join('');
  if (!ctx.ignoreExtensions && message.extensions.length > 0) {
    text += '\n' + rangesOf(ctx, message.extensions).map((e) => indented(extensionsText(ctx, e))).join('');
  }
  if (!ctx.ignoreExtensions && message.extendDeclarations.length > 0) {
    text += '\n' + extendsOf(ctx, message.extendDeclarations).map((e) => indented(extendText(ctx, e))).join('');
  }
  const types = writtenTypes(ctx, message.nestedTypes);
  if (types.length > 0) text += '\n' + typesText(ctx, types, indented);
  return `${text}}\n`;
}

function enumText(ctx: FormatContext, element: EnumElement): string {
  let text = `enum ${element.name} {`;
  if (element.reserveds.length > 0) text += '\n' + rangesOf(ctx, element.reserveds).map((r) => indented(reservedText(ctx, r))).join('');
  else if (element.options.length > 0 || element.constants.length > 0) text += '\n';
  text += ctx.filterOptions(element.options).map((option) => indented(optionStatement(ctx, option))).join('');
  const constants = ctx.normalize
    ? [...element.constants].sort((a, b) => a.tag - b.tag || compareStrings(a.name, b.name))
    : element.constants;
  for (const constant of constants) {
    const options = ctx.filterOptions(constant.options);
    text += indented(`${constant.name} = ${constant.tag}${options.length > 0 ? ' ' + bracketed(ctx, options) : ''};\n`);
  }
  return `${text}}\n`;
}

function fieldText(ctx: FormatContext, field: FieldElement): string {
  let label = field.label;
  let type = field.type;
  if (ctx.normalize) {
    if (!SCALAR_TYPES.has(type) && mapTypes(type) === undefined) {
      type = `.${resolveOrThrow(ctx, type)}`;
      type = ctx.getTypeForFullName(type, 'original')?.mapType ?? type;
    }
    const map = mapTypes(type);
    if (map !== undefined) {
      const value = ctx.resolve(map.value, 'original');
      if (value !== undefined) type = `map<${map.key}, .${value}>`;
      label = undefined;
    }
  }
  const options: OptionElement[] = [...field.options];
  if (field.defaultValue !== undefined) options.push({ name: 'default', ...defaultKind(type, field.defaultValue), parenthesized: false });
  if (field.jsonName !== undefined) options.push({ name: 'json_name', kind: 'STRING', value: field.jsonName, parenthesized: false });
  const written = ctx.filterOptions(options);
  const suffix = written.length > 0 ? ' ' + bracketed(ctx, written) : '';
  return `${label ? label.toLowerCase() + ' ' : ''}${type} ${field.name} = ${field.tag}${suffix};\n`;
}

/** Confluent's `toKind`: bytes defaults are written unquoted, as numbers are. */
function defaultKind(type: string, value: string): Pick<OptionElement, 'kind' | 'value'> {
  const simpleName = type.slice(type.lastIndexOf('.') + 1);
  if (simpleName === 'bool') return { kind: 'BOOLEAN', value };
  if (simpleName === 'string') return { kind: 'STRING', value };
  return { kind: SCALAR_TYPES.has(simpleName) ? 'NUMBER' : 'ENUM', value };
}

function oneOfText(ctx: FormatContext, oneOf: OneOfElement): string {
  let text = `oneof ${oneOf.name} {`;
  const options = ctx.filterOptions(oneOf.options);
  if (options.length > 0) text += '\n' + options.map((option) => indented(optionStatement(ctx, option))).join('');
  if (oneOf.fields.length > 0) text += '\n' + oneOf.fields.map((f) => indented(fieldText(ctx, f))).join('');
  if (oneOf.groups.length > 0) text += '\n' + byTag(ctx, oneOf.groups).map((g) => indented(groupText(ctx, g))).join('');
  return `${text}}\n`;
}

/** Empty oneofs dropped, members by tag, oneofs by their first tag. */
function normalizedOneOfs(oneOfs: OneOfElement[]): OneOfElement[] {
  return oneOfs
    .filter((oneOf) => oneOf.fields.length > 0)
    .map((oneOf) => ({ ...oneOf, fields: [...oneOf.fields].sort((a, b) => a.tag - b.tag) }))
    .sort((a, b) => a.fields[0]!.tag - b.fields[0]!.tag);
}

function groupText(ctx: FormatContext, group: GroupElement): string {
  let text = `${group.label ? group.label.toLowerCase() + ' ' : ''}group ${group.name} = ${group.tag} {`;
  if (group.fields.length > 0) text += '\n' + byTag(ctx, group.fields).map((f) => indented(fieldText(ctx, f))).join('');
  return `${text}}\n`;
}

function extendText(ctx: FormatContext, extend: ExtendElement): string {
  let text = `extend ${extend.name} {`;
  if (extend.fields.length > 0) text += '\n' + byTag(ctx, extend.fields).map((f) => indented(fieldText(ctx, f))).join('');
  return `${text}}\n`;
}

/** Normalised, the fields of all extends of one resolved type gather under it. */
function extendsOf(ctx: FormatContext, extendDeclarations: ExtendElement[]): ExtendElement[] {
  if (!ctx.normalize) return extendDeclarations;
  const byName = new Map<string, ExtendElement>();
  for (const extend of extendDeclarations) {
    const name = `.${resolveOrThrow(ctx, extend.name)}`;
    const fields = byName.get(name)?.fields ?? [];
    byName.set(name, { position: extend.position, name, fields: [...fields, ...extend.fields] });
  }
  return [...byName.values()];
}

function serviceText(ctx: FormatContext, service: ServiceElement): string {
  let text = `service ${service.name} {`;
  const options = ctx.filterOptions(service.options);
  if (options.length > 0) text += '\n' + options.map((option) => indented(optionStatement(ctx, option))).join('');
  if (service.rpcs.length > 0) text += '\n' + service.rpcs.map((rpc) => indented(rpcText(ctx, rpc))).join('');
  return `${text}}\n`;
}

function rpcText(ctx: FormatContext, rpc: RpcElement): string {
  const type = (name: string) => (ctx.normalize ? `.${resolveOrThrow(ctx, name)}` : name);
  let text = `rpc ${rpc.name} (${rpc.requestStreaming ? 'stream ' : ''}${type(rpc.requestType)}) returns (`;
  text += `${rpc.responseStreaming ? 'stream ' : ''}${type(rpc.responseType)})`;
  const options = ctx.filterOptions(rpc.options);
  if (options.length > 0) text += ` {\n${options.map((option) => indented(optionStatement(ctx, option))).join('')}}`;
  return `${text};\n`;
}

function reservedText(ctx: FormatContext, reserved: ReservedElement): string {
  return `reserved ${reserved.values.map((value) => (typeof value === 'string' ? `"${value}"` : rangeText(ctx, value))).join(', ')};\n`;
}

function extensionsText(ctx: FormatContext, extensions: ExtensionsElement): string {
  const options = ctx.filterOptions(extensions.options);
  const suffix = options.length > 0 ? ' ' + bracketed(ctx, options) : '';
  return `extensions ${extensions.values.map((value) => rangeText(ctx, value)).join(', ')}${suffix};\n`;
}

function rangeText(ctx: FormatContext, value: Exclude<ReservedValue, string>): string {
  if (!isIntRange(value)) return String(value);
  if (ctx.normalize && value.start === value.end) return String(value.start);
  return `${value.start} to ${value.end < MAX_TAG_VALUE ? value.end : 'max'}`;
}

/** Normalised, one value a statement, by tag (names last, alphabetically). */
function rangesOf<T extends { values: ReservedValue[] }>(ctx: FormatContext, statements: T[]): T[] {
  if (!ctx.normalize) return statements;
  const single = statements.flatMap((statement) => statement.values.map((value) => ({ ...statement, values: [value] })));
  const start = (value: ReservedValue) => (typeof value === 'string' ? 2 ** 31 - 1 : isIntRange(value) ? value.start : value);
  const label = (value: ReservedValue) => (typeof value === 'string' ? value : isIntRange(value) ? `${value.start}..${value.end}` : String(value));
  return single.sort((a, b) => start(a.values[0]!) - start(b.values[0]!) || compareStrings(label(a.values[0]!), label(b.values[0]!)));
}

function byTag<T extends { tag: number }>(ctx: FormatContext, items: T[]): T[] {
  return ctx.normalize ? [...items].sort((a, b) => a.tag - b.tag) : items;
}

function resolveOrThrow(ctx: FormatContext, name: string): string {
  const resolved = ctx.resolve(name, 'original');
  if (resolved === undefined) throw new UnresolvedTypeError(`Could not resolve type: ${name}`);
  return resolved;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { escapeChars, optionText };

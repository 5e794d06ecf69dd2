/**
 * A schema sent as a base64 `FileDescriptorProto` — what Confluent's
 * JavaScript serializers register — read into the element tree, as
 * Confluent's `ProtobufSchema.toProtoFile(FileDescriptorProto)` reads it:
 * type names fully qualified as the descriptor has them, map fields as the
 * repeated entry messages protoc made of them, proto3 labels left out, the
 * standard options the descriptor sets. Custom options (Confluent's `meta`
 * included) and editions features are not carried over: protobufjs decodes
 * the descriptor without their extensions.
 */
import descriptor from 'protobufjs/ext/descriptor.js';
import type {
  EnumElement,
  ExtendElement,
  ExtensionsElement,
  FieldElement,
  Label,
  MessageElement,
  OptionElement,
  OptionKind,
  ProtoFileElement,
  ReservedElement,
  ServiceElement,
  TypeElement,
} from './elements.js';

type Options = Record<string, unknown>;

interface FieldProto {
  name: string;
  number: number;
  label?: string;
  type?: string;
  typeName?: string;
  extendee?: string;
  defaultValue?: string;
  oneofIndex?: number;
  jsonName?: string;
  options?: Options;
  proto3Optional?: boolean;
}
interface Range {
  start?: number;
  end?: number;
}
interface EnumProto {
  name: string;
  value?: { name: string; number?: number; options?: Options }[];
  options?: Options;
  reservedRange?: Range[];
  reservedName?: string[];
}
interface MessageProto {
  name: string;
  field?: FieldProto[];
  extension?: FieldProto[];
  nestedType?: MessageProto[];
  enumType?: EnumProto[];
  extensionRange?: Range[];
  oneofDecl?: { name: string }[];
  options?: Options;
  reservedRange?: Range[];
  reservedName?: string[];
}
interface FileProto {
  name?: string;
  package?: string;
  dependency?: string[];
  publicDependency?: number[];
  weakDependency?: number[];
  messageType?: MessageProto[];
  enumType?: EnumProto[];
  service?: { name: string; method?: MethodProto[]; options?: Options }[];
  extension?: FieldProto[];
  options?: Options;
  syntax?: string;
}
interface MethodProto {
  name: string;
  inputType: string;
  outputType: string;
  options?: Options;
  clientStreaming?: boolean;
  serverStreaming?: boolean;
}

/** Standard options Confluent carries over, in its order, with their option kind. */
const FILE_OPTIONS: [string, string, OptionKind][] = [
  ['javaPackage', 'java_package', 'STRING'],
  ['javaOuterClassname', 'java_outer_classname', 'STRING'],
  ['javaMultipleFiles', 'java_multiple_files', 'BOOLEAN'],
  ['javaGenerateEqualsAndHash', 'java_generate_equals_and_hash', 'BOOLEAN'],
  ['javaStringCheckUtf8', 'java_string_check_utf8', 'BOOLEAN'],
  ['optimizeFor', 'optimize_for', 'ENUM'],
  ['goPackage', 'go_package', 'STRING'],
  ['ccGenericServices', 'cc_generic_services', 'BOOLEAN'],
  ['javaGenericServices', 'java_generic_services', 'BOOLEAN'],
  ['pyGenericServices', 'py_generic_services', 'BOOLEAN'],
  ['deprecated', 'deprecated', 'BOOLEAN'],
  ['ccEnableArenas', 'cc_enable_arenas', 'BOOLEAN'],
  ['objcClassPrefix', 'objc_class_prefix', 'STRING'],
  ['csharpNamespace', 'csharp_namespace', 'STRING'],
  ['swiftPrefix', 'swift_prefix', 'STRING'],
  ['phpClassPrefix', 'php_class_prefix', 'STRING'],
  ['phpNamespace', 'php_namespace', 'STRING'],
  ['phpMetadataNamespace', 'php_metadata_namespace', 'STRING'],
  ['rubyPackage', 'ruby_package', 'STRING'],
];
const MESSAGE_OPTIONS: [string, string, OptionKind][] = [
  ['noStandardDescriptorAccessor', 'no_standard_descriptor_accessor', 'BOOLEAN'],
  ['deprecated', 'deprecated', 'BOOLEAN'],
  ['mapEntry', 'map_entry', 'BOOLEAN'],
];
const FIELD_OPTIONS: [string, string, OptionKind][] = [
  ['ctype', 'ctype', 'ENUM'],
  ['packed', 'packed', 'BOOLEAN'],
  ['jstype', 'jstype', 'ENUM'],
  ['deprecated', 'deprecated', 'BOOLEAN'],
  ['debugRedact', 'debug_redact', 'BOOLEAN'],
  ['retention', 'retention', 'ENUM'],
  ['targets', 'targets', 'ENUM'],
];
const ENUM_OPTIONS: [string, string, OptionKind][] = [
  ['allowAlias', 'allow_alias', 'BOOLEAN'],
  ['deprecated', 'deprecated', 'BOOLEAN'],
];
const ENUM_VALUE_OPTIONS: [string, string, OptionKind][] = [
  ['deprecated', 'deprecated', 'BOOLEAN'],
  ['debugRedact', 'debug_redact', 'BOOLEAN'],
];
const METHOD_OPTIONS: [string, string, OptionKind][] = [
  ['deprecated', 'deprecated', 'BOOLEAN'],
  ['idempotencyLevel', 'idempotency_level', 'ENUM'],
];

/** The element tree of a base64 `FileDescriptorProto`, or undefined when the text is not one. */
export function fileFromDescriptor(text: string): ProtoFileElement | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return undefined;
  let file: FileProto;
  try {
    const message = descriptor.FileDescriptorProto.decode(Buffer.from(trimmed, 'base64'));
    file = descriptor.FileDescriptorProto.toObject(message, { enums: String, longs: String, arrays: true }) as FileProto;
  } catch {
    return undefined;
  }
  if (!file.name && !file.package && !file.messageType?.length && !file.enumType?.length) return undefined;
  const proto3 = file.syntax === 'proto3';
  const dependencies = file.dependency ?? [];
  const isPublic = new Set(file.publicDependency ?? []);
  const isWeak = new Set(file.weakDependency ?? []);
  return {
    ...((file.syntax === 'proto2' || file.syntax === 'proto3') && { syntax: { keyword: 'syntax', value: file.syntax } }),
    ...(file.package ? { packageName: file.package } : {}),
    imports: dependencies.filter((_, i) => !isPublic.has(i) && !isWeak.has(i)),
    publicImports: dependencies.filter((_, i) => isPublic.has(i)),
    weakImports: dependencies.filter((_, i) => !isPublic.has(i) && isWeak.has(i)),
    options: options(file.options, FILE_OPTIONS),
    types: [...(file.messageType ?? []).map((m) => message(m, proto3)), ...(file.enumType ?? []).map(enumOf)],
    extendDeclarations: extendsOf(file.extension, proto3),
    services: (file.service ?? []).map(
      (s): ServiceElement => ({
        name: s.name,
        options: options(s.options, [['deprecated', 'deprecated', 'BOOLEAN']]),
        rpcs: (s.method ?? []).map((m) => ({
          position: { line: 0, column: 0 },
          name: m.name,
          requestType: m.inputType,
          responseType: m.outputType,
          requestStreaming: m.clientStreaming === true,
          responseStreaming: m.serverStreaming === true,
          options: options(m.options, METHOD_OPTIONS),
        })),
      }),
    ),
  };
}

function message(proto: MessageProto, proto3: boolean): MessageElement {
  const oneOfs = (proto.oneofDecl ?? []).map((o) => ({ name: o.name, fields: [] as FieldElement[], groups: [], options: [] }));
  const fields: FieldElement[] = [];
  for (const f of proto.field ?? []) {
    if (f.oneofIndex !== undefined && !f.proto3Optional) oneOfs[f.oneofIndex]?.fields.push(field(f, proto3, true));
    else fields.push(field(f, proto3, false));
  }
  const nestedTypes: TypeElement[] = [...(proto.nestedType ?? []).map((m) => message(m, proto3)), ...(proto.enumType ?? []).map(enumOf)];
  return {
    kind: 'message',
    name: proto.name,
    reserveds: reserveds(proto.reservedRange, proto.reservedName, true),
    options: options(proto.options, MESSAGE_OPTIONS),
    fields,
    oneOfs: oneOfs.filter((o) => o.fields.length > 0),
    groups: [],
    extensions: (proto.extensionRange ?? []).map((r): ExtensionsElement => ({ values: [range(r, true)], options: [] })),
    extendDeclarations: extendsOf(proto.extension, proto3),
    nestedTypes,
  };
}

function field(proto: FieldProto, proto3: boolean, inOneOf: boolean): FieldElement {
  const label = inOneOf ? undefined : labelOf(proto, proto3);
  const type = proto.typeName ?? (proto.type ?? 'TYPE_INT32').replace(/^TYPE_/, '').toLowerCase();
  return {
    position: { line: 0, column: 0 },
    ...(label && { label }),
    type,
    name: proto.name,
    tag: proto.number,
    ...(!proto3 && proto.defaultValue !== undefined && { defaultValue: proto.defaultValue }),
    ...(proto.jsonName !== undefined && { jsonName: proto.jsonName }),
    options: options(proto.options, FIELD_OPTIONS),
  };
}

function labelOf(proto: FieldProto, proto3: boolean): Label | undefined {
  if (proto.proto3Optional) return 'OPTIONAL';
  if (proto.label === 'LABEL_REPEATED') return 'REPEATED';
  if (proto3) return undefined;
  return proto.label === 'LABEL_REQUIRED' ? 'REQUIRED' : 'OPTIONAL';
}

function enumOf(proto: EnumProto): EnumElement {
  return {
    kind: 'enum',
    name: proto.name,
    reserveds: reserveds(proto.reservedRange, proto.reservedName, false),
    options: options(proto.options, ENUM_OPTIONS),
    constants: (proto.value ?? []).map((v) => ({ name: v.name, tag: v.number ?? 0, options: options(v.options, ENUM_VALUE_OPTIONS) })),
  };
}

/** Extension fields grouped by the type they extend (a full name), in order of first appearance. */
function extendsOf(fields: FieldProto[] | undefined, proto3: boolean): ExtendElement[] {
  const byExtendee = new Map<string, FieldElement[]>();
  for (const f of fields ?? []) byExtendee.set(f.extendee ?? '', [...(byExtendee.get(f.extendee ?? '') ?? []), field(f, proto3, false)]);
  return [...byExtendee].map(([name, extendFields]) => ({ position: { line: 0, column: 0 }, name, fields: extendFields }));
}

/** Message ranges end exclusively, enum ranges inclusively; a one-tag range is a single tag. */
function range(r: Range, exclusiveEnd: boolean): number | { start: number; end: number } {
  const start = r.start ?? 0;
  const end = (r.end ?? 0) - (exclusiveEnd ? 1 : 0);
  return start === end ? start : { start, end };
}

function reserveds(ranges: Range[] | undefined, names: string[] | undefined, exclusiveEnd: boolean): ReservedElement[] {
  return [...(ranges ?? []).map((r) => ({ values: [range(r, exclusiveEnd)] })), ...(names ?? []).map((name) => ({ values: [name] }))];
}

function options(source: Options | undefined, known: [string, string, OptionKind][]): OptionElement[] {
  const result: OptionElement[] = [];
  for (const [key, name, kind] of known) {
    const value = source?.[key];
    if (value === undefined || value === null) continue;
    for (const each of Array.isArray(value) ? value : [value]) result.push({ name, kind, value: String(each), parenthesized: false });
  }
  return result;
}

/**
 * A schema as a base64 `FileDescriptorProto`: what Confluent serves for
 * `format=serialized` (`ProtobufSchema.formattedString`, built through its
 * `DynamicSchema`), and what its JavaScript serializers read back. Type names
 * are resolved to `.full.names` (as protoc writes them), `map<K, V>` fields
 * become repeated `…Entry` messages, proto3 `optional` fields get their
 * synthetic oneofs, and the standard options are kept (custom ones are not:
 * their extensions are unknown to the encoder). The file is named `default`,
 * as Confluent names it.
 */
import descriptor from 'protobufjs/ext/descriptor.js';
import { SCALAR_TYPES, isIntRange, mapTypes, type EnumElement, type FieldElement, type MessageElement, type OptionElement } from './elements.js';
import { TypeContext, type SchemaFiles } from './type-context.js';

type Json = Record<string, unknown>;

export function serializedDescriptor(schema: SchemaFiles): string {
  const { file } = schema;
  const ctx = new TypeContext();
  ctx.collectTypeInfo(schema, 'original');
  const proto3 = file.syntax?.value === 'proto3';
  const dependency = [...file.imports, ...file.publicImports, ...file.weakImports];
  const object: Json = {
    name: 'default',
    ...(file.packageName && { package: file.packageName }),
    dependency,
    publicDependency: file.publicImports.map((_, i) => file.imports.length + i),
    weakDependency: file.weakImports.map((_, i) => file.imports.length + file.publicImports.length + i),
    messageType: file.types.filter((t) => t.kind === 'message').map((m) => ctx.inName(m.name, () => messageOf(ctx, m, proto3))),
    enumType: file.types.filter((t): t is EnumElement => t.kind === 'enum').map(enumOf),
    service: file.services.map((s) => ({
      name: s.name,
      method: s.rpcs.map((rpc) => ({
        name: rpc.name,
        inputType: typeName(ctx, rpc.requestType),
        outputType: typeName(ctx, rpc.responseType),
        ...(rpc.requestStreaming && { clientStreaming: true }),
        ...(rpc.responseStreaming && { serverStreaming: true }),
        options: optionsOf(rpc.options),
      })),
      options: optionsOf(s.options),
    })),
    extension: file.extendDeclarations.flatMap((e) => e.fields.map((f) => ({ ...fieldOf(ctx, f, proto3), extendee: typeName(ctx, e.name) }))),
    options: optionsOf(file.options),
    ...(file.syntax?.keyword === 'syntax' && { syntax: file.syntax.value }),
  };
  const message = descriptor.FileDescriptorProto.fromObject(object);
  return Buffer.from(descriptor.FileDescriptorProto.encode(message).finish()).toString('base64');
}

function messageOf(ctx: TypeContext, message: MessageElement, proto3: boolean): Json {
  const nestedType: Json[] = [];
  const field: Json[] = [];
  const oneofDecl: Json[] = message.oneOfs.map((o) => ({ name: o.name }));
  const add = (f: FieldElement, oneofIndex?: number) => {
    const map = mapTypes(f.type);
    if (map === undefined) {
      field.push({ ...fieldOf(ctx, f, proto3), ...(oneofIndex !== undefined && { oneofIndex }) });
      return;
    }
    // protoc's map entry: `map<K, V> some_field` is `repeated SomeFieldEntry some_field`.
    const entryName = `${f.name.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/_/g, '')}Entry`;
    const entryField = (name: string, type: string, number: number): FieldElement => ({ position: f.position, name, type, tag: number, options: [] });
    nestedType.push({
      name: entryName,
      field: [fieldOf(ctx, entryField('key', map.key, 1), false), fieldOf(ctx, entryField('value', map.value, 2), false)],
      options: { mapEntry: true },
    });
    field.push({ ...fieldOf(ctx, f, proto3), label: 'LABEL_REPEATED', type: 'TYPE_MESSAGE', typeName: `.${ctx.scopeName('original')}.${entryName}` });
  };
  for (const f of message.fields) add(f);
  message.oneOfs.forEach((o, index) => o.fields.forEach((f) => add(f, index)));
  for (const f of field) {
    if (!f['proto3Optional']) continue;
    f['oneofIndex'] = oneofDecl.length;
    oneofDecl.push({ name: `_${String(f['name'])}` });
  }
  for (const nested of message.nestedTypes) {
    if (nested.kind === 'message') nestedType.push(ctx.inName(nested.name, () => messageOf(ctx, nested, proto3)));
  }
  return {
    name: message.name,
    field,
    nestedType,
    enumType: message.nestedTypes.filter((t): t is EnumElement => t.kind === 'enum').map(enumOf),
    extensionRange: message.extensions.flatMap((e) => e.values.map((v) => exclusiveRange(v))),
    extension: message.extendDeclarations.flatMap((e) => e.fields.map((f) => ({ ...fieldOf(ctx, f, proto3), extendee: typeName(ctx, e.name) }))),
    oneofDecl,
    options: optionsOf(message.options),
    reservedRange: message.reserveds.flatMap((r) => r.values.filter((v) => typeof v !== 'string').map((v) => exclusiveRange(v))),
    reservedName: message.reserveds.flatMap((r) => r.values.filter((v): v is string => typeof v === 'string')),
  };
}

function fieldOf(ctx: TypeContext, field: FieldElement, proto3: boolean): Json {
  const scalar = SCALAR_TYPES.has(field.type);
  const kind = scalar ? undefined : ctx.getType(field.type, 'original')?.type.kind;
  const label = field.label === 'REPEATED' ? 'LABEL_REPEATED' : field.label === 'REQUIRED' ? 'LABEL_REQUIRED' : 'LABEL_OPTIONAL';
  return {
    name: field.name,
    number: field.tag,
    label,
    type: scalar ? `TYPE_${field.type.toUpperCase()}` : kind === 'enum' ? 'TYPE_ENUM' : 'TYPE_MESSAGE',
    ...(!scalar && { typeName: typeName(ctx, field.type) }),
    ...(field.defaultValue !== undefined && { defaultValue: field.defaultValue }),
    ...(field.jsonName !== undefined && { jsonName: field.jsonName }),
    options: optionsOf(field.options),
    ...(proto3 && field.label === 'OPTIONAL' && { proto3Optional: true }),
  };
}

function enumOf(element: EnumElement): Json {
  return {
    name: element.name,
    value: element.constants.map((c) => ({ name: c.name, number: c.tag, options: optionsOf(c.options) })),
    options: optionsOf(element.options),
    reservedRange: element.reserveds.flatMap((r) =>
      r.values.filter((v) => typeof v !== 'string').map((v) => (isIntRange(v) ? { start: v.start, end: v.end } : { start: v, end: v })),
    ),
    reservedName: element.reserveds.flatMap((r) => r.values.filter((v): v is string => typeof v === 'string')),
  };
}

function exclusiveRange(value: number | { start: number; end: number }): Json {
  return typeof value === 'number' ? { start: value, end: value + 1 } : { start: value.start, end: value.end + 1 };
}

/** `.full.Name` from the current scope; a name that does not resolve is kept as written. */
function typeName(ctx: TypeContext, name: string): string {
  const resolved = ctx.resolve(name, 'original');
  return resolved === undefined ? name : `.${resolved}`;
}

/** Standard options by their descriptor field (`java_package` → `javaPackage`); the encoder drops unknown ones. */
function optionsOf(options: readonly OptionElement[]): Json | undefined {
  const result: Json = {};
  for (const option of options) {
    if (option.parenthesized || typeof option.value !== 'string') continue;
    const key = option.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = option.kind === 'BOOLEAN' ? option.value === 'true' : option.kind === 'NUMBER' ? Number(option.value) : option.value;
    if (key === 'targets') result[key] = [...((result[key] as unknown[] | undefined) ?? []), value];
    else result[key] = value;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * The syntax tree of a `.proto` file as Confluent keeps it: Square Wire's
 * parser elements (wire-schema/.../internal/parser/*Element.kt), which
 * `ProtobufSchema` stores, renders back to text and compares. Type names stay
 * as written (`Status`, `.foo.Status`, `map<string, Foo>`), statements keep
 * their grouping and order, option values keep their written number text.
 */

export interface Position {
  line: number;
  column: number;
}

/** Wire's `OptionElement.Kind`. */
export type OptionKind = 'STRING' | 'BOOLEAN' | 'NUMBER' | 'ENUM' | 'MAP' | 'LIST' | 'OPTION';

/** A boolean, enum or number inside a map or list (Wire's `OptionPrimitive`); `value` is the written word. */
export interface OptionPrimitive {
  readonly primitive: 'BOOLEAN' | 'NUMBER' | 'ENUM';
  readonly value: string;
}

/** A value inside an aggregate option: a string, a primitive, a nested map, a list, or an option. */
export type OptionValue = string | OptionPrimitive | OptionMap | OptionValue[] | OptionElement;
export type OptionMap = Map<string, OptionValue>;

/**
 * `name = value`; by kind the value is: STRING the unescaped text; BOOLEAN,
 * ENUM, NUMBER the written word; MAP an `OptionMap`; LIST an array; OPTION the
 * nested option of a dotted name (`(foo).bar = 1`).
 */
export interface OptionElement {
  readonly name: string;
  readonly kind: OptionKind;
  readonly value: OptionValue;
  readonly parenthesized: boolean;
}

export type Label = 'OPTIONAL' | 'REQUIRED' | 'REPEATED';

export interface FieldElement {
  readonly position: Position;
  /** Absent for proto3 fields written without a label, oneof members and maps. */
  readonly label?: Label;
  readonly type: string;
  readonly name: string;
  readonly tag: number;
  /** `default` and `json_name` are taken out of the options, as Wire does. */
  readonly defaultValue?: string;
  readonly jsonName?: string;
  readonly options: OptionElement[];
}

export interface IntRange {
  readonly start: number;
  readonly end: number;
}

/** A reserved name, a single tag (`5`) or a range (`5 to 5`, `9 to max`): Wire keeps them apart. */
export type ReservedValue = string | number | IntRange;

export interface ReservedElement {
  readonly values: ReservedValue[];
}

export interface ExtensionsElement {
  readonly values: (number | IntRange)[];
  readonly options: OptionElement[];
}

export interface OneOfElement {
  readonly name: string;
  readonly fields: FieldElement[];
  readonly groups: GroupElement[];
  readonly options: OptionElement[];
}

export interface GroupElement {
  readonly label?: Label;
  readonly name: string;
  readonly tag: number;
  readonly fields: FieldElement[];
}

export interface ExtendElement {
  readonly position: Position;
  readonly name: string;
  readonly fields: FieldElement[];
}

export interface MessageElement {
  readonly kind: 'message';
  readonly name: string;
  readonly reserveds: ReservedElement[];
  readonly options: OptionElement[];
  readonly fields: FieldElement[];
  readonly oneOfs: OneOfElement[];
  readonly groups: GroupElement[];
  readonly extensions: ExtensionsElement[];
  readonly extendDeclarations: ExtendElement[];
  readonly nestedTypes: TypeElement[];
}

export interface EnumConstantElement {
  readonly name: string;
  readonly tag: number;
  readonly options: OptionElement[];
}

export interface EnumElement {
  readonly kind: 'enum';
  readonly name: string;
  readonly reserveds: ReservedElement[];
  readonly options: OptionElement[];
  readonly constants: EnumConstantElement[];
}

export type TypeElement = MessageElement | EnumElement;

export interface RpcElement {
  readonly position: Position;
  readonly name: string;
  readonly requestType: string;
  readonly responseType: string;
  readonly requestStreaming: boolean;
  readonly responseStreaming: boolean;
  readonly options: OptionElement[];
}

export interface ServiceElement {
  readonly name: string;
  readonly options: OptionElement[];
  readonly rpcs: RpcElement[];
}

/** `syntax = "proto3";` or, beyond Wire, `edition = "2023";`. */
export interface SyntaxDeclaration {
  readonly keyword: 'syntax' | 'edition';
  readonly value: string;
}

export interface ProtoFileElement {
  readonly syntax?: SyntaxDeclaration;
  readonly packageName?: string;
  readonly imports: string[];
  readonly publicImports: string[];
  readonly weakImports: string[];
  readonly options: OptionElement[];
  readonly types: TypeElement[];
  readonly extendDeclarations: ExtendElement[];
  readonly services: ServiceElement[];
}

/** Wire's `MAX_TAG_VALUE`: what `max` stands for in ranges. */
export const MAX_TAG_VALUE = 536_870_911;

export function isOptionPrimitive(value: OptionValue): value is OptionPrimitive {
  return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map) && 'primitive' in value;
}

export function isOptionElement(value: OptionValue): value is OptionElement {
  return typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map) && 'kind' in value;
}

export function isIntRange(value: ReservedValue): value is IntRange {
  return typeof value === 'object';
}

/** Wire's `ProtoType.isScalar`. */
export const SCALAR_TYPES: ReadonlySet<string> = new Set([
  'bool',
  'bytes',
  'double',
  'float',
  'fixed32',
  'fixed64',
  'int32',
  'int64',
  'sfixed32',
  'sfixed64',
  'sint32',
  'sint64',
  'string',
  'uint32',
  'uint64',
]);

/** The key and value types of a `map<K, V>` type name, as Wire's `ProtoType.get` splits it. */
export function mapTypes(type: string): { key: string; value: string } | undefined {
  if (!type.startsWith('map<') || !type.endsWith('>')) return undefined;
  const comma = type.indexOf(',');
  return { key: type.slice(4, comma).trim(), value: type.slice(comma + 1, -1).trim() };
}

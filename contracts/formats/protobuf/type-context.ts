/**
 * Where a type name written in a `.proto` file points: Confluent's
 * `diff/Context.java` — the types and extension fields of a schema and of all
 * its dependencies (the well-known ones included) by full name, the scope
 * being walked (package, enclosing message names) and the path reported in
 * differences. Two sides, the original and the update, for comparisons; the
 * renderer uses the original side only.
 */
import type { FieldElement, MessageElement, ProtoFileElement, TypeElement } from './elements.js';

export type Side = 'original' | 'update';

/** A schema with what its imports may resolve to: Confluent's `ProtobufSchema` as the diff sees it. */
export interface SchemaFiles {
  readonly file: ProtoFileElement;
  /** The schema's own references, by import name. */
  readonly references: ReadonlyMap<string, ReferenceKey>;
  /** Every dependency by import name, the well-known files included unless a reference replaces one. */
  readonly dependencies: ReadonlyMap<string, ProtoFileElement>;
}

/** Which registered schema a type came from; the schema itself is `{ subject: '', version: -1 }`. */
export interface ReferenceKey {
  readonly subject: string;
  readonly version: number;
}

export const LOCAL_REFERENCE: ReferenceKey = { subject: '', version: -1 };

export interface TypeInfo {
  readonly packageName: string;
  /** Absent for a dependency that is not one of the schema's own references (a well-known file, a transitive one). */
  readonly reference: ReferenceKey | undefined;
  readonly type: TypeElement;
  /** A message with `option map_entry = true`: Wire sees what protoc made of a `map<K, V>` field. */
  readonly mapType: string | undefined;
}

export interface ExtendFieldInfo {
  readonly packageName: string;
  readonly field: FieldElement;
  readonly repeated: boolean;
}

type Lookup<T> = (fullName: string, side: Side) => T | undefined;

export class TypeContext {
  protected types: Record<Side, Map<string, TypeInfo>> = { original: new Map(), update: new Map() };
  protected extendFields: Record<Side, Map<string, ExtendFieldInfo>> = { original: new Map(), update: new Map() };
  protected packageNames: Record<Side, string> = { original: '', update: '' };
  /** The path of differences: names, oneof names and tags. */
  protected fullPath: string[] = [];
  /** The part of the path that names types: the scope names resolve in. */
  protected fullName: string[] = [];

  /** Records the types of the schema's dependencies and then its own, leaving its package as the scope. */
  collectTypeInfo(schema: SchemaFiles, side: Side): void {
    for (const [name, file] of schema.dependencies) this.collectFile(schema.references.get(name), file, side);
    this.collectFile(LOCAL_REFERENCE, schema.file, side);
  }

  setPackageName(packageName: string | undefined, side: Side): void {
    this.packageNames[side] = packageName ?? '';
  }

  /** Replaces the scope and path by a type's local name (`Outer.Inner`). */
  setFullName(name: string): void {
    this.fullPath = name.split('.');
    this.fullName = name.split('.');
  }

  /** Runs `body` with `segment` appended to the path. */
  inPath<T>(segment: string, body: () => T): T {
    this.fullPath.push(segment);
    try {
      return body();
    } finally {
      this.fullPath.pop();
    }
  }

  /** Runs `body` inside the scope of the type `name` (path and scope). */
  inName<T>(name: string, body: () => T): T {
    this.fullName.push(name);
    try {
      return this.inPath(name, body);
    } finally {
      this.fullName.pop();
    }
  }

  /** The full name of the type whose scope this is (`pkg.Outer.Inner`). */
  scopeName(side: Side): string {
    const packageName = this.packageNames[side];
    return [...(packageName === '' ? [] : [packageName]), ...this.fullName].join('.');
  }

  getType(name: string, side: Side): TypeInfo | undefined {
    const full = this.resolve(name, side);
    return full === undefined ? undefined : this.getTypeForFullName(full, side);
  }

  getTypeForFullName(fullName: string, side: Side): TypeInfo | undefined {
    return this.types[side].get(fullName.startsWith('.') ? fullName.slice(1) : fullName);
  }

  getExtendFieldForFullName(fullName: string, side: Side): ExtendFieldInfo | undefined {
    return this.extendFields[side].get(fullName.startsWith('.') ? fullName.slice(1) : fullName);
  }

  /** The full name (no leading dot) a type name resolves to from the current scope. */
  resolve(name: string, side: Side): string | undefined {
    return this.resolveWith((full, s) => this.getTypeForFullName(full, s), name, side);
  }

  /** The full name an extension field name resolves to from the current scope. */
  resolveExtendField(name: string, side: Side): string | undefined {
    return this.resolveWith((full, s) => this.getExtendFieldForFullName(full, s), name, side);
  }

  /**
   * protoc's scoping as Confluent implements it: a leading dot means a full
   * name; otherwise the innermost scope first — package and enclosing
   * message names, dropped one by one — then the bare name.
   */
  private resolveWith<T>(lookup: Lookup<T>, name: string, side: Side): string | undefined {
    if (this.types[side].size === 0) return undefined;
    if (name.startsWith('.')) {
      const full = name.slice(1);
      return lookup(full, side) === undefined ? undefined : full;
    }
    const packageName = this.packageNames[side];
    const prefix = [...(packageName === '' ? [] : packageName.split('.')), ...this.fullName];
    for (; prefix.length > 0; prefix.pop()) {
      const full = `${prefix.join('.')}.${name}`;
      if (lookup(full, side) !== undefined) return full;
    }
    return lookup(name, side) === undefined ? undefined : name;
  }

  private collectFile(reference: ReferenceKey | undefined, file: ProtoFileElement, side: Side): void {
    this.setPackageName(file.packageName, side);
    this.collectExtendFields(file.extendDeclarations, side);
    this.collectTypes(reference, file.types, side);
  }

  private collectTypes(reference: ReferenceKey | undefined, types: TypeElement[], side: Side): void {
    for (const type of types) {
      this.inName(type.name, () => {
        if (type.kind === 'message') this.collectExtendFields(type.extendDeclarations, side);
        const packageName = this.packageNames[side];
        const mapType = type.kind === 'message' ? mapEntryType(type) : undefined;
        this.types[side].set(this.qualified(side), { packageName, reference, type, mapType });
        if (type.kind === 'message') this.collectTypes(reference, type.nestedTypes, side);
      });
    }
  }

  private collectExtendFields(extendDeclarations: MessageElement['extendDeclarations'], side: Side): void {
    for (const extend of extendDeclarations) {
      for (const field of extend.fields) {
        this.inName(field.name, () => {
          const info = { packageName: this.packageNames[side], field, repeated: field.label === 'REPEATED' };
          this.extendFields[side].set(this.qualified(side), info);
        });
      }
    }
  }

  /** The current path as a full name, in the side's package (Confluent's `addType`). */
  private qualified(side: Side): string {
    const name = this.fullPath.join('.');
    const packageName = this.packageNames[side];
    return packageName === '' ? name : `${packageName}.${name}`;
  }
}

/** `map<K, V>` for a message holding `option map_entry = true` and its `key` and `value` fields. */
function mapEntryType(message: MessageElement): string | undefined {
  const option = message.options.find((o) => o.name === 'map_entry');
  if (option === undefined || String(option.value) !== 'true') return undefined;
  const key = message.fields.find((f) => f.name === 'key');
  const value = message.fields.find((f) => f.name === 'value');
  return `map<${key?.type}, ${value?.type}>`;
}

/**
 * Every type name a schema writes must resolve — field types, map values,
 * extended types, rpc types — as Confluent's `ProtobufSchema.validate`
 * requires when it normalises (`ProtobufSchemaUtils.resolve`: "Could not
 * resolve type"), names being looked up from the scope they are written in.
 * As protoc (and unlike Confluent's lookup), a well-known file's types count
 * only when something imports it; references count always, as protobufjs
 * sees them.
 */
import { SCALAR_TYPES, mapTypes, type FieldElement, type Position, type ProtoFileElement, type TypeElement } from './elements.js';
import { ProtoSyntaxError } from './syntax-reader.js';
import { TypeContext, type SchemaFiles } from './type-context.js';

/** Throws a `ProtoSyntaxError` at the first name that does not resolve. */
export function checkTypeNames(schema: SchemaFiles, referenceNames: ReadonlySet<string>): void {
  const ctx = new TypeContext();
  ctx.collectTypeInfo({ ...schema, dependencies: imported(schema, referenceNames) }, 'original');
  const check = (name: string, position: Position, what: string) => {
    const map = mapTypes(name);
    const names = map ? [map.key, map.value] : [name];
    for (const type of names) {
      if (SCALAR_TYPES.has(type) || ctx.resolve(type, 'original') !== undefined) continue;
      throw new ProtoSyntaxError(`could not resolve type '${type}' of ${what}`, position);
    }
  };
  const checkFields = (fields: readonly FieldElement[]) => {
    for (const field of fields) check(field.type, field.position, `field '${field.name}'`);
  };
  const checkTypes = (types: readonly TypeElement[]) => {
    for (const type of types) {
      if (type.kind !== 'message') continue;
      ctx.inName(type.name, () => {
        checkFields(type.fields);
        for (const oneOf of type.oneOfs) checkFields(oneOf.fields);
        for (const group of [...type.groups, ...type.oneOfs.flatMap((o) => o.groups)]) checkFields(group.fields);
        for (const extend of type.extendDeclarations) {
          check(extend.name, extend.position, 'an extend');
          checkFields(extend.fields);
        }
        checkTypes(type.nestedTypes);
      });
    }
  };
  checkTypes(schema.file.types);
  for (const extend of schema.file.extendDeclarations) {
    check(extend.name, extend.position, 'an extend');
    checkFields(extend.fields);
  }
  for (const rpc of schema.file.services.flatMap((service) => service.rpcs)) {
    check(rpc.requestType, rpc.position, `rpc '${rpc.name}'`);
    check(rpc.responseType, rpc.position, `rpc '${rpc.name}'`);
  }
}

/** The references, and the well-known files the schema or they import, directly or not. */
function imported(schema: SchemaFiles, referenceNames: ReadonlySet<string>): Map<string, ProtoFileElement> {
  const result = new Map([...schema.dependencies].filter(([name]) => referenceNames.has(name)));
  const pending = [schema.file, ...result.values()];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const name of [...file.imports, ...file.publicImports, ...file.weakImports]) {
      const dependency = schema.dependencies.get(name);
      if (dependency === undefined || result.has(name)) continue;
      result.set(name, dependency);
      pending.push(dependency);
    }
  }
  return result;
}

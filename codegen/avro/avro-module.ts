/**
 * The Avro part of a subject's module: a `state` pass over every version's
 * avsc type (`CustomerV1`…, nested types suffixed the same way), aliases
 * without the suffix for the latest version's types, an `input` pass over
 * the latest, and the codec spec embedding every version's writer schema.
 * With `avroLong: 'bigint'` longs are `bigint`s, in the types and in the
 * codec (`longs: 'bigint'` in its spec). It also warns about an older
 * version the latest cannot read (avsc's resolver refuses it), which
 * decodes with an error naming the version.
 */
import type { Type, types } from 'avsc';
import type ts from 'typescript';
import type { FormatGenerator, FormatParts } from '../format.js';
import type { ContractVersion, SubjectContract } from '../model.js';
import { exportTypeAlias, typeRef, valueExpression } from '../ts/ast.js';
import { BaseNames, simpleName, type NameAllocator } from '../ts/names.js';
import type { EntityNames } from '../entity.js';
import type { AvroContext } from './context.js';
import { avroVersionSchema } from './schemas.js';
import { avroTypeNode } from './type-node.js';

export const avroGenerator: FormatGenerator = {
  runtime: { module: 'avro', createCodec: 'createAvroCodec' },
  runtimeFiles: ['avro-logical-types.ts', 'avro-reader.ts', 'avro-codec.ts', 'avro.ts'],
  entityName(subject: string, latest: ContractVersion) {
    const type = avroVersionSchema(subject, latest).type;
    return type.typeName === 'record' || type.typeName === 'error' ? simpleName(type.name!) : undefined;
  },
  build: buildAvro,
};

function buildAvro(contract: SubjectContract, entity: EntityNames, names: NameAllocator): FormatParts {
  const { subject, versions } = contract;
  const latest = versions[versions.length - 1]!;
  const baseNames = new BaseNames([entity.type]);
  const declarations: ts.Statement[] = [];
  const longs = contract.avroLong ?? 'number';
  const schemas = versions.map((v) => avroVersionSchema(subject, v, longs));
  const pass = (version: ContractVersion, type: Type, mode: AvroContext['mode'], stateNames?: Map<string, string>) => {
    const context: AvroContext = {
      mode,
      version: version.version,
      root: type,
      rootName: mode === 'input' ? entity.input : entity.versions.get(version.version)!,
      rootDoc: rootDoc(subject, version, mode),
      baseNames,
      names,
      declared: new Map(),
      declarations,
      ...(stateNames === undefined ? {} : { stateNames }),
      typeNode: avroTypeNode,
    };
    const node = avroTypeNode(type, context);
    if (type.name === undefined) {
      declarations.push(exportTypeAlias(context.rootName, node, [context.rootDoc]));
    }
    return context.declared;
  };

  let latestNames = new Map<string, string>();
  versions.forEach((version, i) => {
    latestNames = pass(version, schemas[i]!.type, 'state');
  });
  declarations.push(exportTypeAlias(entity.type, typeRef(entity.versions.get(latest.version)!), [`The latest version of ${subject}: version ${latest.version}.`]));
  const latestType = schemas[schemas.length - 1]!.type;
  for (const [fullName, name] of latestNames) {
    if (fullName === latestType.name) continue;
    declarations.push(exportTypeAlias(names.claim(baseNames.of(fullName)), typeRef(name), [`${fullName} as the latest version has it.`]));
  }
  pass(latest, latestType, 'input', latestNames);

  const codecSpec = valueExpression({
    subject,
    ...(longs === 'bigint' ? { longs } : {}),
    versions: versions.map((v, i) => ({ version: v.version, id: v.id, schemas: schemas[i]!.texts })),
  });
  return { imports: [], declarations, codecSpec, fields: fieldsOf(latestType), warnings: unreadable(subject, versions, schemas.map((s) => s.type)) };
}

function rootDoc(subject: string, version: ContractVersion, mode: AvroContext['mode']): string {
  if (mode === 'input') return `What encode accepts for ${subject} (version ${version.version}).`;
  return `Version ${version.version} of ${subject}${version.id === undefined ? '' : ` (schema id ${version.id})`}.`;
}

function fieldsOf(type: Type): Set<string> {
  return new Set(type.typeName === 'record' ? (type as types.RecordType).fields.map((f) => f.name) : []);
}

function unreadable(subject: string, versions: ContractVersion[], types: Type[]): string[] {
  const reader = types[types.length - 1]!;
  return versions.slice(0, -1).flatMap((version, i) => {
    try {
      reader.createResolver(types[i]!);
      return [];
    } catch (error) {
      return [`${subject}: version ${version.version} cannot be read as the latest: ${(error as Error).message}; its bytes will not decode`];
    }
  });
}

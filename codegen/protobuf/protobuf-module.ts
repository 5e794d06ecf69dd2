/**
 * The Protobuf part of a subject's module: each version's message and the
 * types it uses (suffixed `V<n>`), aliases for the latest version's, an
 * input pass over the latest, and the codec spec: the latest version's
 * protobufjs descriptor (everything it imports included), which reads every
 * version (fields match by number), and each version's message indexes.
 */
import type ts from 'typescript';
import type { EntityNames } from '../entity.js';
import type { FormatGenerator, FormatParts } from '../format.js';
import type { ContractVersion, SubjectContract } from '../model.js';
import { exportTypeAlias, typeRef, valueExpression } from '../ts/ast.js';
import { BaseNames, simpleName, type NameAllocator } from '../ts/names.js';
import type { ProtobufContext } from './context.js';
import { messageTypeNode, propertiesOf } from './message.js';
import { protobufVersionSchema } from './schemas.js';

export const protobufGenerator: FormatGenerator = {
  runtime: { module: 'protobuf', createCodec: 'createProtobufCodec' },
  runtimeFiles: ['protobuf-check.ts', 'protobuf-codec.ts', 'protobuf-values.ts', 'protobuf.ts'],
  entityName: (subject: string, latest: ContractVersion) => simpleName(protobufVersionSchema(subject, latest).messageName),
  build: buildProtobuf,
};

function buildProtobuf(contract: SubjectContract, entity: EntityNames, names: NameAllocator): FormatParts {
  const { subject, versions } = contract;
  const latest = versions[versions.length - 1]!;
  const schemas = versions.map((v) => protobufVersionSchema(subject, v));
  const latestSchema = schemas[schemas.length - 1]!;
  const baseNames = new BaseNames([entity.type]);
  const declarations: ts.Statement[] = [];
  const pass = (version: ContractVersion, i: number, mode: ProtobufContext['mode'], stateNames?: Map<string, string>) => {
    const { message } = schemas[i]!;
    const context: ProtobufContext = {
      mode,
      version: version.version,
      root: message,
      rootName: mode === 'input' ? entity.input : entity.versions.get(version.version)!,
      rootDoc:
        mode === 'input'
          ? `What encode accepts for ${subject} (version ${version.version}).`
          : `Version ${version.version} of ${subject}${version.id === undefined ? '' : ` (schema id ${version.id})`}.`,
      baseNames,
      names,
      declared: new Map(),
      declarations,
      ...(stateNames === undefined ? {} : { stateNames }),
    };
    messageTypeNode(message, context);
    return context.declared;
  };
  let latestNames = new Map<string, string>();
  versions.forEach((version, i) => {
    latestNames = pass(version, i, 'state');
  });
  declarations.push(exportTypeAlias(entity.type, typeRef(entity.versions.get(latest.version)!), [`The latest version of ${subject}: version ${latest.version}.`]));
  for (const [fullName, name] of latestNames) {
    if (fullName === latestSchema.messageName) continue;
    declarations.push(exportTypeAlias(names.claim(baseNames.of(fullName)), typeRef(name), [`${fullName} as the latest version has it.`]));
  }
  pass(latest, versions.length - 1, 'input', latestNames);

  const codecSpec = valueExpression({
    subject,
    messageName: latestSchema.messageName,
    descriptor: JSON.stringify(latestSchema.root.toJSON()),
    versions: versions.map((v, i) => ({ version: v.version, id: v.id, indexes: schemas[i]!.indexes })),
  });
  return {
    imports: [],
    declarations,
    codecSpec,
    fields: new Set(propertiesOf(latestSchema.message).map((p) => p.name)),
    warnings: versions.slice(0, -1).flatMap((v, i) =>
      schemas[i]!.messageName === latestSchema.messageName ? [] : [`${subject}: version ${v.version}'s message is ${schemas[i]!.messageName}, the latest's ${latestSchema.messageName}`],
    ),
  };
}

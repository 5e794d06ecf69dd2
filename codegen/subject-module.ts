/**
 * One subject's module: a header naming the subject, its versions and ids,
 * the runtime imported as `creg`, the format's types, the codec, the
 * `encode…`/`decode…` functions and, for an ECST contract, its helpers.
 */
import ts from 'typescript';
import { ecstContractOf, ecstStatements, replicaRuntime } from './ecst.js';
import { entityNames, type EntityNames } from './entity.js';
import type { FormatGenerator } from './format.js';
import type { ContractVersion, SubjectContract } from './model.js';
import { factory as f, typeRef, undefinedType, unionType, withDoc } from './ts/ast.js';
import { call, constDeclaration, delegatingFunction, importNamespace, member } from './ts/functions.js';
import { NameAllocator } from './ts/names.js';
import { printModule } from './ts/print.js';

export interface SubjectModule {
  text: string;
  /** Whether the module has ECST helpers (the index re-exports its event type). */
  ecst: boolean;
  warnings: string[];
}

export function subjectModule(contract: SubjectContract, format: FormatGenerator, entity: EntityNames, names: NameAllocator): SubjectModule {
  const { subject, versions } = contract;
  const latest = versions[versions.length - 1]!;
  const parts = format.build(contract, entity, names);
  const codecName = `${entity.namespace}Codec`;
  const specName = `${entity.namespace}Spec`;
  const state = typeRef(entity.type);
  const input = typeRef(entity.input);
  const bytes = { name: 'bytes', type: typeRef('Uint8Array') };
  const ecst = ecstContractOf(subject, latest, parts.fields);
  const latestLabel = `version ${latest.version}${latest.id === undefined ? '' : ` (schema id ${latest.id})`}`;

  const pinned = versions.map((v) => versionEncoder(contract, v, format, entity));
  const imports = uniqueStatements([...parts.imports, ...pinned.flatMap((p) => p.imports)]);

  const statements: ts.Statement[] = [
    importNamespace('creg', `./runtime/${format.runtime.module}.js`),
    ...(ecst === undefined ? [] : [importNamespace('cregReplica', `./runtime/${replicaRuntime(format).module}.js`)]),
    ...imports,
    ...parts.declarations,
    constDeclaration(
      specName,
      f.createIndexedAccessTypeNode(typeRef('Parameters', [f.createTypeQueryNode(f.createQualifiedName(f.createIdentifier('creg'), format.runtime.createCodec))]), f.createLiteralTypeNode(f.createNumericLiteral(0))),
      parts.codecSpec,
    ),
    constDeclaration(
      codecName,
      typeRef('creg.Codec', [state, input]),
      call(member('creg', format.runtime.createCodec), [state, input], [f.createIdentifier(specName)]),
      { exported: true, doc: [`The serializer of ${subject}, which the functions below use.`] },
    ),
    delegatingFunction(entity.encode, [{ name: 'value', type: input }], typeRef('Buffer'), member(codecName, 'encode'), [
      `Encodes \`value\` as ${latestLabel} of ${subject}, in Confluent's wire format.`,
      '@throws EncodeError naming every field the contract refuses.',
    ]),
    delegatingFunction(entity.decode, [bytes], state, member(codecName, 'decode'), [
      `Decodes Confluent wire-format bytes written with any version of ${subject} this code knows, as the latest version (defaults filled in).`,
      '@throws UnknownSchemaError for a schema id it does not know (see the async form); DecodeError for bytes that do not decode.',
    ]),
    delegatingFunction(entity.decodeAsync, [bytes], typeRef('Promise', [state]), member(codecName, 'decodeAsync'), [
      `As \`${entity.decode}\`, fetching the writer schema of an unknown schema id from the configured registry, once per id.`,
    ]),
    ...pinned.flatMap((p) => p.statements),
    ...(ecst === undefined ? [] : ecstStatements(subject, ecst, entity, codecName, { specName, createReplica: `cregReplica.${replicaRuntime(format).create}` })),
  ];
  return { text: printModule(header(contract, format), statements), ecst: ecst !== undefined, warnings: parts.warnings };
}

/** The encoder of one version, for a producer pinned to it: `encodeCustomerV1(value: CustomerV1)`. */
export function versionEncoderName(entity: EntityNames, version: number): string {
  return `${entity.encode}V${version}`;
}

/**
 * One version's encoder: the format's codec built from that version alone
 * (so it writes that version's schema id and checks values against that
 * version's schema), created on first use, typed with the version's type.
 */
function versionEncoder(contract: SubjectContract, version: ContractVersion, format: FormatGenerator, entity: EntityNames): { imports: ts.Statement[]; statements: ts.Statement[] } {
  const own = new NameAllocator();
  const parts = format.build({ ...contract, versions: [version] }, entityNames(entity.type, [version.version], own), own);
  const type = typeRef(entity.versions.get(version.version)!);
  const codec = `${entity.namespace}V${version.version}Codec`;
  const codecType = typeRef('creg.Codec', [type, type]);
  const slot = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(codec, undefined, unionType([codecType, undefinedType()]), undefined)], ts.NodeFlags.Let),
  );
  const create = f.createExpressionStatement(
    f.createBinaryExpression(f.createIdentifier(codec), ts.SyntaxKind.QuestionQuestionEqualsToken, call(member('creg', format.runtime.createCodec), [type, type], [parts.codecSpec])),
  );
  const encode = f.createReturnStatement(call(member(codec, 'encode'), [], [f.createIdentifier('value')]));
  const fn = f.createFunctionDeclaration(
    [f.createModifier(ts.SyntaxKind.ExportKeyword)],
    undefined,
    versionEncoderName(entity, version.version),
    undefined,
    [f.createParameterDeclaration(undefined, undefined, 'value', undefined, type)],
    typeRef('Buffer'),
    f.createBlock([create, encode], true),
  );
  const label = `version ${version.version}${version.id === undefined ? '' : ` (schema id ${version.id})`}`;
  withDoc(fn, [
    `Encodes \`value\` as ${label} of ${contract.subject}, in Confluent's wire format: for a producer pinned to that version (during a rollout, say).`,
    '@throws EncodeError naming every field that version refuses.',
  ]);
  return { imports: parts.imports, statements: [slot, fn] };
}

const keyPrinter = ts.createPrinter({ removeComments: true });
const keyFile = ts.createSourceFile('key.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);

function uniqueStatements(statements: readonly ts.Statement[]): ts.Statement[] {
  const seen = new Set<string>();
  return statements.filter((s) => {
    const key = keyPrinter.printNode(ts.EmitHint.Unspecified, s, keyFile);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function header(contract: SubjectContract, format: FormatGenerator): string[] {
  const latest = contract.versions[contract.versions.length - 1]!;
  const versions = contract.versions.map((v) => `${v.version} (${v.id === undefined ? 'no schema id' : `schema id ${v.id}`})`);
  return [
    `Subject ${contract.subject} (${latest.schemaType}), format runtime ./runtime/${format.runtime.module}.ts.`,
    `Versions: ${versions.join(', ')}; latest: ${latest.version}.`,
    'Do not edit: regenerate with `creg codegen`; `creg codegen --check` fails while this file is stale.',
  ];
}

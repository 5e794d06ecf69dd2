/**
 * One subject's module: a header naming the subject, its versions and ids,
 * the runtime imported as `creg`, the format's types, the codec, the
 * `encode…`/`decode…` functions and, for an ECST contract, its helpers.
 */
import type ts from 'typescript';
import { ecstContractOf, ecstStatements } from './ecst.js';
import type { EntityNames } from './entity.js';
import type { FormatGenerator } from './format.js';
import type { SubjectContract } from './model.js';
import { typeRef } from './ts/ast.js';
import { call, constDeclaration, delegatingFunction, importNamespace, member } from './ts/functions.js';
import type { NameAllocator } from './ts/names.js';
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
  const state = typeRef(entity.type);
  const input = typeRef(entity.input);
  const bytes = { name: 'bytes', type: typeRef('Uint8Array') };
  const ecst = ecstContractOf(subject, latest, parts.fields);
  const latestLabel = `version ${latest.version}${latest.id === undefined ? '' : ` (schema id ${latest.id})`}`;

  const statements: ts.Statement[] = [
    importNamespace('creg', `./runtime/${format.runtime.module}.js`),
    ...parts.imports,
    ...parts.declarations,
    constDeclaration(
      codecName,
      typeRef('creg.Codec', [state, input]),
      call(member('creg', format.runtime.createCodec), [state, input], [parts.codecSpec]),
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
    ...(ecst === undefined ? [] : ecstStatements(subject, ecst, entity, codecName)),
  ];
  return { text: printModule(header(contract, format), statements), ecst: ecst !== undefined, warnings: parts.warnings };
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

/**
 * The ECST helpers of a subject whose latest version carries the
 * `ecst.key` and `ecst.sequence` metadata (DESIGN.md, "ECST conventions"):
 * `toMessage`, `tombstone`, `fromMessage`, `fromMessageAsync`, and the
 * event type they return. The metadata is checked here, at generation: the
 * key and a `field:` sequence must be top-level fields of the latest state.
 */
import ts from 'typescript';
import type { EntityNames } from './entity.js';
import type { ContractVersion } from './model.js';
import type { FormatGenerator } from './format.js';
import { bigintType, exportTypeAlias, factory, numberType, stringType, typeRef, unionType, valueExpression, withDoc } from './ts/ast.js';
import { pascalCase } from './ts/names.js';
import { call, constDeclaration, delegatingFunction, member } from './ts/functions.js';

export interface EcstContract {
  key: string;
  sequence: { header: string } | { field: string };
}

/** The contract's ECST metadata, or undefined when it has none; throws on a malformed one. */
export function ecstContractOf(subject: string, latest: ContractVersion, fields: ReadonlySet<string>): EcstContract | undefined {
  const properties = latest.metadata?.properties ?? {};
  const key = properties['ecst.key'];
  const sequence = properties['ecst.sequence'];
  if (key === undefined && sequence === undefined) return undefined;
  const where = `${subject} version ${latest.version}`;
  if (key === undefined || sequence === undefined) {
    throw new Error(`${where}: ECST metadata needs both ecst.key and ecst.sequence; it has only ${key === undefined ? 'ecst.sequence' : 'ecst.key'}`);
  }
  if (!fields.has(key)) throw new Error(`${where}: ecst.key names ${key}, which is not a top-level field of the state`);
  const match = /^(header|field):(.+)$/.exec(sequence);
  if (match === null) throw new Error(`${where}: ecst.sequence must be header:<name> or field:<name>, not ${JSON.stringify(sequence)}`);
  const [, how, name] = match as unknown as [string, 'header' | 'field', string];
  if (how === 'field' && !fields.has(name)) throw new Error(`${where}: ecst.sequence names the field ${name}, which is not a top-level field of the state`);
  return { key, sequence: how === 'header' ? { header: name } : { field: name } };
}

/** The runtime module of a format's generated replica (`runtime/replica-avro.ts`…) and its factory. */
export function replicaRuntime(format: FormatGenerator): { module: string; file: string; create: string } {
  const module = `replica-${format.runtime.module}`;
  return { module, file: `${module}.ts`, create: `create${pascalCase(format.runtime.module)}Replica` };
}

/** The runtime files a generated replica needs besides the format's. */
export const REPLICA_RUNTIME_FILES = ['replica.ts', 'replica-stores.ts'] as const;

export function ecstStatements(
  subject: string,
  contract: EcstContract,
  entity: EntityNames,
  codecName: string,
  replica: { specName: string; createReplica: string },
): ts.Statement[] {
  const state = typeRef(entity.type);
  const event = typeRef(entity.event);
  const message = typeRef('creg.EcstMessage');
  const consumed = { name: 'message', type: typeRef('creg.ConsumedMessage') };
  const sequence = { name: 'sequence', type: unionType([bigintType(), numberType()]) };
  const ecst = (method: string) => member('ecst', method);
  const sequenceDoc =
    'header' in contract.sequence
      ? `its sequence in the \`${contract.sequence.header}\` header (a decimal string)`
      : `its sequence in the state's \`${contract.sequence.field}\` field`;
  return [
    constDeclaration('ecst', undefined, call(member('creg', 'createEcst'), [state, typeRef(entity.input)], [factory.createIdentifier(codecName), valueExpression(contract)])),
    exportTypeAlias(entity.event, typeRef('creg.EcstEvent', [state]), [
      `An event of ${subject}: the entity's new full state, or its deletion (a tombstone), keyed by \`${contract.key}\`.`,
    ]),
    delegatingFunction(
      'toMessage',
      'header' in contract.sequence ? [{ name: 'state', type: typeRef(entity.input) }, sequence] : [{ name: 'state', type: typeRef(entity.input) }],
      message,
      ecst('toMessage'),
      [`The message publishing \`state\`: keyed by its \`${contract.key}\`, the state encoded as the latest version, ${sequenceDoc}.`],
    ),
    delegatingFunction('tombstone', [{ name: 'key', type: stringType() }, sequence], message, ecst('tombstone'), [
      `The tombstone deleting the entity \`key\`: a null value, the sequence in the \`${'header' in contract.sequence ? contract.sequence.header : 'ecst-sequence'}\` header.`,
    ]),
    delegatingFunction('fromMessage', [consumed], event, ecst('fromMessage'), [
      'The event a consumed message carries. A tombstone is never decoded; any known version of the state is read as the latest.',
      '@throws EcstError when the key or the sequence is missing or malformed; DecodeError when the value does not decode.',
    ]),
    delegatingFunction('fromMessageAsync', [consumed], typeRef('Promise', [event]), ecst('fromMessageAsync'), [
      'As `fromMessage`, fetching the writer schema of an unknown schema id from the registry once.',
    ]),
    replicaFunction(subject, contract, entity, codecName, replica),
  ];
}

/**
 * `createReplica<F>(options)`: the runtime's replica over this subject's
 * codec, typed with the latest state, or the projection `Pick<State, F>`
 * when `fields` names F.
 */
function replicaFunction(subject: string, contract: EcstContract, entity: EntityNames, codecName: string, replica: { specName: string; createReplica: string }): ts.Statement {
  const stateKeys = factory.createIntersectionTypeNode([factory.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, typeRef(entity.type)), stringType()]);
  const field = factory.createTypeParameterDeclaration(undefined, 'F', stateKeys, stateKeys);
  const kept = typeRef('Pick', [typeRef(entity.type), typeRef('F')]);
  const options = factory.createParameterDeclaration(undefined, undefined, 'options', factory.createToken(ts.SyntaxKind.QuestionToken), typeRef('cregReplica.ReplicaOptions', [typeRef(entity.type), typeRef('F')]));
  const body = call(
    factory.createIdentifier(replica.createReplica),
    [typeRef(entity.type), typeRef(entity.input), typeRef('F')],
    [factory.createIdentifier(codecName), factory.createIdentifier(replica.specName), valueExpression(contract), factory.createIdentifier('options')],
  );
  const declaration = factory.createFunctionDeclaration(
    [factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    undefined,
    'createReplica',
    [field],
    [options],
    typeRef('Promise', [typeRef('cregReplica.Replica', [kept])]),
    factory.createBlock([factory.createReturnStatement(body)], true),
  );
  const sequence = 'header' in contract.sequence ? `the \`${contract.sequence.header}\` header` : `the state's \`${contract.sequence.field}\` field`;
  return withDoc(declaration, [
    `A replica of ${subject}: the newest state per \`${contract.key}\` by the sequence in ${sequence}; tombstones remembered with their sequence;`,
    'redelivered and stale events ignored; every version read as the latest; unknown schema ids fetched from `registryUrl` (or `schemaById`).',
    'Its state lives in `store` (memory by default; `{ kind: \'sqlite\', file }`, `{ kind: \'postgres\', connectionString }`), the sequence check and the write in one transaction.',
    'Keeps only `fields` when given; calls `onChange` after each applied change.',
    '@throws PoisonMessageError (from `apply`) for a message it cannot read; nothing changed.',
  ]);
}


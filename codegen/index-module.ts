/**
 * The output folder's `index.ts`: each subject's promised names re-exported
 * by name (`Customer`, `CustomerV1`…, `encodeCustomer`…), the whole module
 * as a namespace (`customer.toMessage`, nested types), and the runtime's
 * public surface (registry configuration, errors, ECST types, `Uuid`).
 */
import type ts from 'typescript';
import type { EntityNames } from './entity.js';
import { versionEncoderName } from './subject-module.js';
import { reExport, reExportNamespace } from './ts/functions.js';
import { printModule } from './ts/print.js';

export interface IndexEntry {
  subject: string;
  file: string;
  entity: EntityNames;
  ecst: boolean;
}

export function indexModule(entries: readonly IndexEntry[], usesAvro: boolean): string {
  const statements: ts.Statement[] = [];
  for (const { file, entity, ecst } of entries) {
    const from = `./${file.replace(/\.ts$/, '.js')}`;
    statements.push(
      reExport(
        [
          ...[entity.type, entity.input, ...entity.versions.values(), ...(ecst ? [entity.event] : [])].map((name) => ({ name, type: true })),
          { name: entity.encode },
          { name: entity.decode },
          { name: entity.decodeAsync },
          ...[...entity.versions.keys()].map((version) => ({ name: versionEncoderName(entity, version) })),
        ],
        from,
      ),
      reExportNamespace(entity.namespace, from),
    );
  }
  statements.push(
    reExport([{ name: 'configureRegistry' }, { name: 'RegistryOptions', type: true }], './runtime/registry.js'),
    reExport([...['DecodeError', 'EcstError', 'EncodeError', 'UnknownSchemaError'].map((name) => ({ name })), { name: 'Issue', type: true }], './runtime/errors.js'),
    reExport(['ConsumedMessage', 'EcstEvent', 'EcstMessage'].map((name) => ({ name, type: true })), './runtime/ecst.js'),
  );
  if (entries.some((e) => e.ecst)) {
    statements.push(
      reExport(
        [
          { name: 'PoisonMessageError' },
          ...['ApplyOutcome', 'PoisonReason', 'Replica', 'ReplicaChange', 'ReplicaOptions', 'ReplicaStore', 'StoreOption'].map((name) => ({ name, type: true })),
        ],
        './runtime/replica.js',
      ),
    );
  }
  if (usesAvro) statements.push(reExport([{ name: 'asUuid' }, { name: 'isUuid' }, { name: 'Uuid', type: true }], './runtime/avro-logical-types.js'));
  const header = ['Every generated contract of this folder:', ...entries.map((e) => `  ${e.subject} → ${e.entity.type} (./${e.file})`)];
  return printModule(header, statements);
}
